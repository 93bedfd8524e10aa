import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyFieldJobStatus, listJobChangesByOthers } from '../../src/repositories/index.ts'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, one } from './support/stack.ts'
import { createJob, createStaff, createWorld, type World } from './support/world.ts'

/*
 * Field work offline (supabase/migrations/*_field_offline.sql): a queued status change is applied
 * once per idempotency key, and a job someone else changed since the phone saw it is a conflict.
 */
describe('field work offline', () => {
  let world: World
  let p: World['personas']
  beforeAll(async () => {
    world = await createWorld()
    p = world.personas
  })
  afterAll(async () => {
    await closeAdminPool()
  })

  async function visitInProgress(): Promise<{ id: string; updatedAt: string }> {
    const id = await createJob(
      world.org1,
      world.customerA,
      { technician_id: world.staff.tech, status: 'in_progress' },
      0.01,
    )
    const row = await one<{ updated_at: string }>(
      'select updated_at::text as updated_at from public.jobs where id = $1',
      [id],
    )
    return { id, updatedAt: row.updated_at }
  }

  async function jobRow(id: string) {
    return one<{ status: string; n: number }>(
      `select j.status::text as status,
         (select count(*)::int from public.field_action_receipts r where r.job_id = j.id) as n
       from public.jobs j where j.id = $1`,
      [id],
    )
  }

  it('applies a change once: a replay with the same key changes nothing and says so', async () => {
    const job = await visitInProgress()
    const tech = clientFor(p.tech)
    const change = {
      key: randomUUID(),
      jobId: job.id,
      expected: { status: 'in_progress' as const, updatedAt: job.updatedAt },
      status: 'completed' as const,
    }
    const first = await applyFieldJobStatus(tech, change)
    expect(first).toMatchObject({ outcome: 'applied', status: 'completed' })
    expect(first.updatedAt).not.toBe(job.updatedAt)
    // The answer was lost; the phone sends the same change again.
    const again = await applyFieldJobStatus(tech, change)
    expect(again).toEqual({ outcome: 'replayed', status: 'completed', updatedAt: first.updatedAt })
    expect(await jobRow(job.id)).toEqual({ status: 'completed', n: 1 })
  })

  it('a job the office changed meanwhile is a conflict naming the change; rebased, it applies', async () => {
    const job = await visitInProgress()
    const office = clientFor(p.office)
    const renamed = await office
      .from('jobs')
      .update({ title: 'Carpet cleaning, upstairs only' })
      .eq('id', job.id)
      .select('updated_at')
      .single()
    expect(renamed.error).toBeNull()
    const tech = clientFor(p.tech)
    const change = {
      key: randomUUID(),
      jobId: job.id,
      expected: { status: 'in_progress' as const, updatedAt: job.updatedAt },
      status: 'completed' as const,
    }
    const conflict = await applyFieldJobStatus(tech, change)
    expect(conflict.outcome).toBe('conflict')
    if (conflict.outcome !== 'conflict') throw new Error('expected a conflict')
    expect(conflict.status).toBe('in_progress')
    expect(conflict.changes).toHaveLength(1)
    expect(conflict.changes[0]?.changes.title).toEqual({
      old: 'Carpet cleaning',
      new: 'Carpet cleaning, upstairs only',
    })
    expect(conflict.changes[0]?.by).toBeTruthy()
    expect(await jobRow(job.id)).toEqual({ status: 'in_progress', n: 0 })
    // "Apply mine": the same change, now expecting the job as it is.
    const applied = await applyFieldJobStatus(tech, {
      ...change,
      expected: { status: conflict.status, updatedAt: conflict.updatedAt },
    })
    expect(applied.outcome).toBe('applied')
    expect(await jobRow(job.id)).toEqual({ status: 'completed', n: 1 })
  })

  it('a status someone else changed is a conflict even when nothing audited tells who', async () => {
    const job = await visitInProgress()
    const office = clientFor(p.office)
    const cancelled = await office
      .from('jobs')
      .update({ status: 'cancelled', cancellation_reason: 'Customer called' })
      .eq('id', job.id)
    expect(cancelled.error).toBeNull()
    const outcome = await applyFieldJobStatus(clientFor(p.tech), {
      key: randomUUID(),
      jobId: job.id,
      expected: { status: 'in_progress', updatedAt: job.updatedAt },
      status: 'completed',
    })
    expect(outcome).toMatchObject({ outcome: 'conflict', status: 'cancelled' })
    expect(await jobRow(job.id)).toEqual({ status: 'cancelled', n: 0 })
  })

  it('the technician’s own changes and unaudited fields are no conflict', async () => {
    const job = await visitInProgress()
    // The office's note to the technician is not history the technician must confirm.
    const noted = await clientFor(p.office)
      .from('jobs')
      .update({ notes: 'Gate code changed' })
      .eq('id', job.id)
    expect(noted.error).toBeNull()
    const tech = clientFor(p.tech)
    expect(await listJobChangesByOthers(tech, job.id, job.updatedAt)).toEqual([])
    const outcome = await applyFieldJobStatus(tech, {
      key: randomUUID(),
      jobId: job.id,
      expected: { status: 'in_progress', updatedAt: job.updatedAt },
      status: 'completed',
    })
    expect(outcome.outcome).toBe('applied')
  })

  it('another technician, a customer and anon cannot move the job or read its changes', async () => {
    const job = await visitInProgress()
    const otherTech = await createStaff(world.org1, null, 'technician')
    expect(otherTech).toBeTruthy()
    const change = {
      key: randomUUID(),
      jobId: job.id,
      expected: { status: 'in_progress' as const, updatedAt: job.updatedAt },
      status: 'completed' as const,
    }
    for (const persona of [p.customerA, p.otherOrgOwner, p.anon]) {
      await expect(applyFieldJobStatus(clientFor(persona), change)).rejects.toThrow()
    }
    expect(await listJobChangesByOthers(clientFor(p.customerA), job.id, job.updatedAt)).toEqual([])
    expect(await jobRow(job.id)).toEqual({ status: 'in_progress', n: 0 })
    // Receipts are their author's alone.
    await applyFieldJobStatus(clientFor(p.tech), change)
    const { data: officeSees } = await clientFor(p.office)
      .from('field_action_receipts')
      .select('key')
      .eq('job_id', job.id)
    expect(officeSees).toEqual([])
    const { data: techSees } = await clientFor(p.tech)
      .from('field_action_receipts')
      .select('key')
      .eq('job_id', job.id)
    expect(techSees).toEqual([{ key: change.key }])
  })

  it('refuses a change with a missing expected version', async () => {
    const job = await visitInProgress()
    await expect(
      applyFieldJobStatus(clientFor(p.tech), {
        key: randomUUID(),
        jobId: job.id,
        expected: { status: 'in_progress', updatedAt: 'yesterday-ish' },
        status: 'completed',
      }),
    ).rejects.toThrow()
  })
})
