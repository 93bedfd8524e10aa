import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobPositionTopic } from '../../../domain/src/field-work/topics.ts'
import {
  getJobPosition,
  listChecklistTicks,
  listTechnicianJobs,
  saveJobPosition,
  setChecklistItem,
} from '../../src/repositories/index.ts'
import { clientFor } from './support/personas.ts'
import { clients, join, quiet, REFUSED, realtimeAs, until } from './support/realtime-channels.ts'
import { closeAdminPool, one, sql } from './support/stack.ts'
import { createJob, createStaff, createWorld, type World } from './support/world.ts'

/*
 * Field work (supabase/migrations/*_field_work.sql): technicians see only their own jobs; checklist
 * ticks and the last known position follow the job's readers; the private broadcast topic
 * `job:<id>:position` admits the job's customer, office staff and its technician (who alone sends).
 */
describe('field work', () => {
  let world: World
  let p: World['personas']
  beforeAll(async () => {
    world = await createWorld()
    p = world.personas
  })
  afterAll(async () => {
    for (const client of clients.splice(0)) {
      await client.removeAllChannels()
      client.realtime.disconnect()
    }
    await closeAdminPool()
  })

  it('a technician reads their own jobs, not another technician’s or unassigned ones', async () => {
    const otherTech = await createStaff(world.org1, null, 'technician')
    const theirs = await createJob(world.org1, world.customerB, { technician_id: otherTech }, 1)
    const mine = await createJob(
      world.org1,
      world.customerB,
      { technician_id: world.staff.tech },
      1,
    )
    const tech = clientFor(p.tech)
    const { data: visible } = await tech
      .from('jobs')
      .select('id')
      .in('id', [theirs, mine, world.jobB])
    expect(visible?.map((j) => j.id)).toEqual([mine])
    const { data: officeSees } = await clientFor(p.office)
      .from('jobs')
      .select('id')
      .in('id', [theirs, mine, world.jobB])
    expect(officeSees).toHaveLength(3)
    // Filtering by another technician does not get around it.
    const from = new Date(Date.now() - 86_400_000).toISOString()
    const to = new Date(Date.now() + 3 * 86_400_000).toISOString()
    expect(await listTechnicianJobs(tech, { technicianId: otherTech, from, to })).toEqual([])
    const day = await listTechnicianJobs(tech, { technicianId: world.staff.tech, from, to })
    expect(day.map((j) => j.id)).toEqual([mine])
    expect(day[0]?.customer?.first_name).toBe('Bob')
    expect(day[0]?.property?.address_line1).toBeTruthy()
  })

  it('the job’s technician ticks checklist items; other technicians and customers cannot', async () => {
    const ticks = {
      organizationId: world.org1,
      jobId: world.jobA,
      item: 'Move furniture',
      done: true,
    }
    await setChecklistItem(clientFor(p.tech), ticks)
    await setChecklistItem(clientFor(p.tech), ticks)
    expect((await listChecklistTicks(clientFor(p.office), world.jobA)).map((t) => t.item)).toEqual([
      'Move furniture',
    ])
    await expect(
      setChecklistItem(clientFor(p.customerA), { ...ticks, item: 'Customer tick' }),
    ).rejects.toThrow()
    const otherTech = await createStaff(world.org1, null, 'technician')
    const notMine = await createJob(world.org1, world.customerB, { technician_id: otherTech })
    await expect(
      setChecklistItem(clientFor(p.tech), { ...ticks, jobId: notMine }),
    ).rejects.toThrow()
    await setChecklistItem(clientFor(p.tech), { ...ticks, done: false })
    expect(await listChecklistTicks(clientFor(p.office), world.jobA)).toEqual([])
  })

  it('the last position: written by the technician while en route, read by the customer, gone at Start', async () => {
    const job = await createJob(
      world.org1,
      world.customerA,
      { technician_id: world.staff.tech, status: 'confirmed' },
      0.01,
    )
    const position = { organizationId: world.org1, jobId: job, latitude: 30.26, longitude: -97.74 }
    // Not on the way yet: refused.
    await expect(saveJobPosition(clientFor(p.tech), position)).rejects.toThrow()
    await sql(`update public.jobs set status = 'en_route' where id = $1`, [job])
    await saveJobPosition(clientFor(p.tech), position)
    await saveJobPosition(clientFor(p.tech), { ...position, latitude: 30.261 })
    expect((await getJobPosition(clientFor(p.customerA), job))?.latitude).toBe(30.261)
    expect(await getJobPosition(clientFor(p.customerB), job)).toBeNull()
    await expect(saveJobPosition(clientFor(p.customerA), position)).rejects.toThrow()
    expect(
      (
        await one<{ n: number }>(
          'select count(*)::int as n from public.job_positions where job_id = $1',
          [job],
        )
      ).n,
    ).toBe(1)
    await sql(`update public.jobs set status = 'in_progress' where id = $1`, [job])
    expect(await getJobPosition(clientFor(p.office), job)).toBeNull()
  })

  it('the customer’s signature: recorded while the visit is in progress, with the hash of what was signed', async () => {
    const job = await createJob(
      world.org1,
      world.customerA,
      { technician_id: world.staff.tech, status: 'confirmed' },
      0.01,
    )
    const summary = { service: 'Carpet cleaning', done: ['Move furniture'], extras: [] }
    const signature = {
      organization_id: world.org1,
      job_id: job,
      signer_name: 'Alice',
      signature_png: 'data:image/png;base64,iVBORw0KGgo=',
      summary,
    }
    const tech = clientFor(p.tech)
    // Not started yet: refused.
    expect((await tech.from('job_signatures').insert(signature)).error?.code).toBe('42501')
    await sql(`update public.jobs set status = 'in_progress' where id = $1`, [job])
    // Only PNG data URLs.
    expect(
      (await tech.from('job_signatures').insert({ ...signature, signature_png: 'javascript:x' }))
        .error?.code,
    ).toBe('23514')
    // A forged hash or signer is replaced by the database's own.
    const saved = await tech
      .from('job_signatures')
      .insert({
        ...signature,
        summary_sha256: 'f'.repeat(64),
        signed_by: world.personas.customerA.userId,
      })
      .select('*')
      .single()
    expect(saved.error).toBeNull()
    const expected = await one<{ h: string }>(
      `select encode(sha256(convert_to($1::jsonb::text, 'UTF8')), 'hex') as h`,
      [JSON.stringify(summary)],
    )
    expect(saved.data?.summary_sha256).toBe(expected.h)
    expect(saved.data?.signed_by).toBe(world.personas.tech.userId)
    // The customer reads it; another customer does not; nobody rewrites it.
    expect(
      (await clientFor(p.customerA).from('job_signatures').select('job_id').eq('job_id', job)).data,
    ).toHaveLength(1)
    expect(
      (await clientFor(p.customerB).from('job_signatures').select('job_id').eq('job_id', job)).data,
    ).toEqual([])
    await clientFor(p.office)
      .from('job_signatures')
      .update({ signer_name: 'Mallory' })
      .eq('job_id', job)
    expect(
      (
        await one<{ n: string }>(
          'select signer_name as n from public.job_signatures where job_id = $1',
          [job],
        )
      ).n,
    ).toBe('Alice')
  })

  it('job:<id>:position: the customer and staff listen, the technician sends, another customer is refused', async () => {
    const topic = jobPositionTopic(world.jobA)
    const customerA = await join(await realtimeAs(p.customerA), topic, undefined, 'position')
    const office = await join(await realtimeAs(p.office), topic, undefined, 'position')
    const tech = await join(await realtimeAs(p.tech), topic, undefined, 'position')

    for (const outsider of [p.customerB, p.unlinked, p.otherOrgOwner, p.anon]) {
      await expect(
        join(await realtimeAs(outsider), topic, undefined, 'position'),
        outsider.name,
      ).rejects.toThrow(REFUSED)
    }
    const fix = {
      latitude: 30.26,
      longitude: -97.74,
      accuracy: 12,
      recordedAt: new Date().toISOString(),
    }
    expect(await tech.channel.send({ type: 'broadcast', event: 'position', payload: fix })).toBe(
      'ok',
    )
    await until(() => customerA.broadcasts.length === 1, 'the customer to get the position')
    await until(() => office.broadcasts.length === 1, 'the office to get the position')
    expect(customerA.broadcasts).toEqual([fix])

    // The customer may listen but not fake a position.
    expect(
      await customerA.channel.send({ type: 'broadcast', event: 'position', payload: fix }),
    ).toBe('error')
    await quiet()
    expect(office.broadcasts).toHaveLength(1)

    // Another technician's job is closed to this technician; a malformed topic to everyone.
    const otherTech = await createStaff(world.org1, null, 'technician')
    const notMine = await createJob(world.org1, world.customerA, { technician_id: otherTech })
    await expect(
      join(await realtimeAs(p.tech), jobPositionTopic(notMine), undefined, 'position'),
    ).rejects.toThrow(REFUSED)
    await expect(
      join(await realtimeAs(p.office), `job:${world.jobA}:positions`, undefined, 'position'),
    ).rejects.toThrow(REFUSED)
  })
})
