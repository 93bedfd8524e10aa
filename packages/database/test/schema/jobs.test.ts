import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, one, sql } from './support/stack.ts'
import { createJob, createWorld, type World } from './support/world.ts'

async function job(id: string) {
  return one('select * from public.jobs where id = $1', [id])
}
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

describe('appointments: customer actions and staff rules', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  it('a customer confirms their upcoming job; confirming again is harmless', async () => {
    const id = await createJob(world.org1, world.customerA)
    const a = clientFor(world.personas.customerA)
    const first = await a.rpc('confirm_job', { p_job_id: id })
    expect(first.error).toBeNull()
    expect(first.data).toMatchObject({ id, status: 'confirmed' })
    expect(first.data?.confirmed_at).not.toBeNull()
    const again = await a.rpc('confirm_job', { p_job_id: id })
    expect(again.data?.confirmed_at).toBe(first.data?.confirmed_at)
  })

  it('past, finished or cancelled jobs cannot be confirmed by the customer', async () => {
    const a = clientFor(world.personas.customerA)
    const past = await createJob(world.org1, world.customerA, {}, -3)
    expect((await a.rpc('confirm_job', { p_job_id: past })).error?.message).toBe(
      'This appointment has already started; please call us to confirm',
    )
    const done = await createJob(world.org1, world.customerA, { status: 'completed' }, -3)
    expect((await a.rpc('confirm_job', { p_job_id: done })).error?.message).toBe(
      'A completed appointment cannot be confirmed',
    )
    expect((await job(past)).status).toBe('scheduled')
  })

  it('cancelling respects the organization’s notice period for customers, not for staff', async () => {
    await sql('update public.organizations set cancellation_notice_hours = 48 where id = $1', [
      world.org1,
    ])
    const soon = await createJob(world.org1, world.customerA, {}, 1)
    const a = clientFor(world.personas.customerA)
    const refused = await a.rpc('cancel_job', { p_job_id: soon, p_reason: 'Sick' })
    expect(refused.error?.message).toBe(
      'Appointments can be changed online up to 48 hours before the start; please call us to cancel',
    )
    expect((await job(soon)).status).toBe('scheduled')

    const later = await createJob(world.org1, world.customerA, {}, 5)
    const ok = await a.rpc('cancel_job', { p_job_id: later, p_reason: '  Travelling  ' })
    expect(ok.data).toMatchObject({ status: 'cancelled', cancellation_reason: 'Travelling' })

    const office = clientFor(world.personas.office)
    const staff = await office.rpc('cancel_job', { p_job_id: soon, p_reason: 'Customer called' })
    expect(staff.data?.status).toBe('cancelled')
    await sql('update public.organizations set cancellation_notice_hours = 24 where id = $1', [
      world.org1,
    ])
  })

  it('a reschedule request stores the preferred times; staff moving the job settles it', async () => {
    const id = await createJob(world.org1, world.customerA, {}, 7)
    const a = clientFor(world.personas.customerA)
    const times = [inDays(9), inDays(10)]
    const { data, error } = await a.rpc('request_reschedule', {
      p_job_id: id,
      p_preferred_times: times,
      p_note: 'Afternoons',
    })
    expect(error).toBeNull()
    expect(data).toMatchObject({
      reschedule_preferred_times: times,
      reschedule_note: 'Afternoons',
      status: 'scheduled',
    })
    expect(data?.reschedule_requested_at).not.toBeNull()

    const office = clientFor(world.personas.office)
    await office
      .from('jobs')
      .update({ scheduled_start: inDays(9), scheduled_end: inDays(9.1) })
      .eq('id', id)
    expect(await job(id)).toMatchObject({
      reschedule_requested_at: null,
      reschedule_preferred_times: null,
    })
  })

  it('bad reschedule input is refused and changes nothing', async () => {
    const id = await createJob(world.org1, world.customerA, {}, 7)
    const before = await job(id)
    const a = clientFor(world.personas.customerA)
    const cases: [unknown, string][] = [
      [[], 'Preferred times must be a list of 1 to 10 date-times'],
      [{ at: inDays(9) }, 'Preferred times must be a list of 1 to 10 date-times'],
      [['next tuesday'], 'Preferred time "next tuesday" is not a date-time'],
      [[inDays(-1)], `Preferred time ${inDays(-1).slice(0, 10)}`],
    ]
    for (const [times, message] of cases) {
      const { error } = await a.rpc('request_reschedule', {
        p_job_id: id,
        p_preferred_times: times as never,
      })
      expect(
        error?.message.startsWith(message),
        `${JSON.stringify(times)}: ${error?.message}`,
      ).toBe(true)
    }
    expect(await job(id)).toEqual(before)
  })

  it('a technician may only move their own job through the field states', async () => {
    const mine = await createJob(world.org1, world.customerA, { technician_id: world.staff.tech })
    const notMine = await createJob(world.org1, world.customerA)
    const tech = clientFor(world.personas.tech)
    expect((await tech.from('jobs').update({ status: 'en_route' }).eq('id', mine)).error).toBeNull()
    expect((await job(mine)).status).toBe('en_route')

    const price = await tech.from('jobs').update({ price_cents: 1 }).eq('id', mine)
    expect(price.error?.message).toBe('You may not change price_cents of this job')
    const cancel = await tech.from('jobs').update({ status: 'cancelled' }).eq('id', mine)
    expect(cancel.error?.message).toBe(
      'A technician may set a job only to en_route, in_progress or completed',
    )
    const other = await tech.from('jobs').update({ status: 'en_route' }).eq('id', notMine).select()
    expect(other.data).toEqual([])
    expect((await job(mine)).price_cents).toBe(15_000)
    expect((await job(notMine)).status).toBe('scheduled')
  })

  it('bad times, technicians and services get a clear error and save nothing', async () => {
    const office = clientFor(world.personas.office)
    const backwards = await office.from('jobs').insert({
      organization_id: world.org1,
      customer_id: world.customerA,
      title: 'Backwards',
      scheduled_start: inDays(3),
      scheduled_end: inDays(2),
    })
    expect(backwards.error).toMatchObject({ code: '22023', message: 'The end must be after the start' })
    const base = { organization_id: world.org1, customer_id: world.customerA, title: 'Bad input' }
    const past = await office.from('jobs').insert({ ...base, scheduled_start: inDays(-400), scheduled_end: inDays(-399.9) })
    expect(past.error).toMatchObject({ code: '22023', message: 'A job cannot be scheduled in the past' })
    const tooLong = await office.from('jobs').insert({ ...base, scheduled_start: inDays(3), scheduled_end: inDays(4.5) })
    expect(tooLong.error).toMatchObject({ code: '22023', message: 'A job can last at most 24 hours' })
    const unknownService = await office
      .from('jobs')
      .insert({ ...base, scheduled_start: inDays(3), scheduled_end: inDays(3.1), service_id: crypto.randomUUID() })
    expect(unknownService.error?.code).toBe('22023')
    expect(unknownService.error?.message).toMatch(/is not offered by this business/)
    const foreignTech = await office.from('jobs').insert({
      organization_id: world.org1,
      customer_id: world.customerA,
      title: 'Borrowed tech',
      scheduled_start: inDays(3),
      scheduled_end: inDays(3.1),
      technician_id: world.staff.owner2,
    })
    expect(foreignTech.error?.code).toBe('22023')
    expect(foreignTech.error?.message).toMatch(/is not an active member of this business/)
    const foreignCustomer = await office.from('jobs').insert({
      organization_id: world.org1,
      customer_id: world.customerOrg2,
      title: 'Other org customer',
      scheduled_start: inDays(3),
      scheduled_end: inDays(3.1),
    })
    expect(foreignCustomer.error?.code).toBe('23503')
    const { count } = await office.from('jobs').select('id', { count: 'exact', head: true }).eq('title', 'Bad input')
    expect(count).toBe(0)
  })

  it('a new job takes the customer’s address when none is given', async () => {
    const id = await createJob(world.org1, world.customerA)
    expect((await job(id)).address).toBe('1 Main St, Austin')
  })
})
