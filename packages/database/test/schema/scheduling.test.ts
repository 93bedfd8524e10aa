// Free slots, online booking and rescheduling, conflicts: computed by the database in the
// organization's time zone (America/Chicago here, DST switch days included), and a booking race
// decided by the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accessTokenFor,
  closeAdminPool,
  createAuthUser,
  sql,
  type TypedClient,
  userClient,
} from './support/stack.ts'
import { createCustomer, createOrganization, createStaff, insertRow } from './support/world.ts'

const ZONE = 'America/Chicago'

/** Wall-clock "HH:MM" of an instant in Chicago. */
const local = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))

/** Midnight of a Chicago calendar day, as an instant. */
async function chicagoMidnight(day: string): Promise<string> {
  const [row] = await sql<{ at: Date }>(`select ($1::date::timestamp at time zone $2) as at`, [
    day,
    ZONE,
  ])
  return (row as { at: Date }).at.toISOString()
}

/** The next day (after tomorrow) of the given month whose Sundays rule matches: the DST switch days. */
function nextSwitchDay(month: 3 | 11): string {
  const soon = Date.now() + 2 * 86_400_000
  for (let year = new Date().getUTCFullYear(); ; year++) {
    // US rules: second Sunday of March, first Sunday of November.
    const first = new Date(Date.UTC(year, month - 1, 1))
    const firstSunday = 1 + ((7 - first.getUTCDay()) % 7)
    const day = month === 3 ? firstSunday + 7 : firstSunday
    const date = new Date(Date.UTC(year, month - 1, day, 12))
    if (date.getTime() > soon) return date.toISOString().slice(0, 10)
  }
}

/** A Chicago calendar day `n` days from today, and its weekday (0 = Sunday). */
function dayAhead(n: number): { day: string; weekday: number } {
  const date = new Date(Date.now() + n * 86_400_000)
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(date)
  return { day, weekday: new Date(`${day}T12:00:00Z`).getUTCDay() }
}

interface Business {
  org: string
  service: string
  tech: string
  office: TypedClient
}

async function business(
  options: { durationMinutes?: number; bufferMinutes?: number; leadHours?: number } = {},
) {
  const org = await createOrganization('Scheduling Co')
  await sql(
    `update public.organizations set timezone = $2, booking_buffer_minutes = $3, booking_lead_hours = $4,
            booking_slot_step_minutes = 30 where id = $1`,
    [org, ZONE, options.bufferMinutes ?? 0, options.leadHours ?? 0],
  )
  const service = await insertRow('services', {
    organization_id: org,
    name: 'Deep clean',
    duration_minutes: options.durationMinutes ?? 60,
    base_price_cents: 10000,
  })
  const tech = await createStaff(org, null, 'technician')
  const officeUser = await createAuthUser('office')
  await createStaff(org, officeUser.id, 'office')
  const office = userClient(await accessTokenFor(officeUser.id, officeUser.email))
  return { org, service, tech, office } satisfies Business
}

async function setHours(tech: string, org: string, shifts: [number, string, string][]) {
  await sql('delete from public.working_hours where staff_member_id = $1', [tech])
  for (const [weekday, start, end] of shifts) {
    await insertRow('working_hours', {
      organization_id: org,
      staff_member_id: tech,
      weekday,
      starts_at: start,
      ends_at: end,
    })
  }
}

async function portalCustomer(org: string, name = 'Booker') {
  const user = await createAuthUser(name.toLowerCase())
  const id = await createCustomer(org, user.id, name)
  return { id, client: userClient(await accessTokenFor(user.id, user.email)) }
}

async function slotsOn(client: TypedClient, service: string, day: string, days = 1) {
  const { data, error } = await client.rpc('available_slots', {
    p_service_id: service,
    p_from: await chicagoMidnight(day),
    p_days: days,
  })
  expect(error).toBeNull()
  return data ?? []
}

afterAll(closeAdminPool)

describe('free slots', () => {
  let b: Business
  beforeAll(async () => {
    b = await business({ durationMinutes: 120, bufferMinutes: 30 })
  })

  it('come from working hours minus jobs (with the buffer) and time off, in local time', async () => {
    const { day, weekday } = dayAhead(9)
    await setHours(b.tech, b.org, [[weekday, '08:00', '17:00']])
    let slots = await slotsOn(b.office, b.service, day)
    // 8:00 to 15:00 every 30 minutes: the last 2-hour slot ends at 17:00.
    expect(slots.map((s) => local(s.starts_at))).toEqual([
      '08:00',
      '08:30',
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
    ])
    expect(slots.every((s) => s.technicians === 1)).toBe(true)
    expect(
      new Date(slots[0]?.ends_at ?? '').getTime() - new Date(slots[0]?.starts_at ?? '').getTime(),
    ).toBe(120 * 60_000)

    const customer = await portalCustomer(b.org)
    const ten = slots.find((s) => local(s.starts_at) === '10:00')?.starts_at as string
    await insertRow('jobs', {
      organization_id: b.org,
      customer_id: customer.id,
      technician_id: b.tech,
      title: 'Booked',
      scheduled_start: ten,
      scheduled_end: new Date(new Date(ten).getTime() + 2 * 3_600_000).toISOString(),
    })
    slots = await slotsOn(b.office, b.service, day)
    // 10:00–12:00 plus 30 minutes either side: starts up to 12:00 collide.
    expect(slots.map((s) => local(s.starts_at))).toEqual([
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
    ])

    const two = new Date(new Date(ten).getTime() + 4 * 3_600_000).toISOString()
    await insertRow('time_off', {
      organization_id: b.org,
      staff_member_id: b.tech,
      starts_at: two,
      ends_at: new Date(new Date(two).getTime() + 3_600_000).toISOString(),
      reason: 'Dentist',
    })
    slots = await slotsOn(b.office, b.service, day)
    expect(slots.map((s) => local(s.starts_at))).toEqual(['15:00'])
  })

  it('on the March switch day: no slot at the skipped hour, and the shift is an hour shorter', async () => {
    const day = nextSwitchDay(3)
    await setHours(b.tech, b.org, [[0, '01:00', '05:00']])
    const slots = await slotsOn(b.office, b.service, day)
    // 1:00 CST to 5:00 CDT is three real hours: 2-hour slots start at 1:00, (2:00 does not exist), 3:00.
    // (Times are 30 minutes apart in real time, so 1:30 CST is followed by 3:00 CDT.)
    expect(slots.map((s) => local(s.starts_at))).toEqual(['01:00', '01:30', '03:00'])
    expect(slots.map((s) => s.starts_at.slice(11, 16))).toEqual(['07:00', '07:30', '08:00'])
  })

  it('on the November switch day: the repeated hour is offered twice, and the shift is an hour longer', async () => {
    const day = nextSwitchDay(11)
    await setHours(b.tech, b.org, [[0, '00:00', '04:00']])
    const slots = await slotsOn(b.office, b.service, day)
    // 0:00 CDT to 4:00 CST is five real hours: 2-hour slots from 05:00Z to 08:00Z.
    expect(slots.map((s) => s.starts_at.slice(11, 16))).toEqual([
      '05:00',
      '05:30',
      '06:00',
      '06:30',
      '07:00',
      '07:30',
      '08:00',
    ])
    expect(slots.map((s) => local(s.starts_at))).toEqual([
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '01:00',
      '01:30',
      '02:00',
    ])
  })

  it('count every qualified technician, and skip one who does not do the service', async () => {
    const { day, weekday } = dayAhead(12)
    const second = await createStaff(b.org, null, 'technician')
    await setHours(b.tech, b.org, [[weekday, '09:00', '11:00']])
    await setHours(second, b.org, [[weekday, '09:00', '11:00']])
    let slots = await slotsOn(b.office, b.service, day)
    expect(slots.map((s) => [local(s.starts_at), s.technicians])).toEqual([['09:00', 2]])
    const other = await insertRow('services', {
      organization_id: b.org,
      name: 'Windows',
      duration_minutes: 60,
    })
    await sql(
      'insert into public.technician_services (organization_id, staff_member_id, service_id) values ($1, $2, $3)',
      [b.org, second, other],
    )
    slots = await slotsOn(b.office, b.service, day)
    expect(slots.map((s) => [local(s.starts_at), s.technicians])).toEqual([['09:00', 1]])
    await sql('update public.staff_members set active = false where id = $1', [second])
  })

  it('customers see only their online window and bookable services; others are not found', async () => {
    const { day, weekday } = dayAhead(5)
    await setHours(b.tech, b.org, [[weekday, '08:00', '17:00']])
    const customer = await portalCustomer(b.org)
    expect((await slotsOn(customer.client, b.service, day)).length).toBe(15)
    await sql('update public.organizations set booking_horizon_days = 2 where id = $1', [b.org])
    expect(await slotsOn(customer.client, b.service, day)).toEqual([])
    expect((await slotsOn(b.office, b.service, day)).length).toBe(15)
    await sql('update public.organizations set booking_horizon_days = 60 where id = $1', [b.org])

    await sql('update public.services set bookable_online = false where id = $1', [b.service])
    const hidden = await customer.client.rpc('available_slots', { p_service_id: b.service })
    expect(hidden.error?.code).toBe('PT404')
    expect(hidden.status).toBe(404)
    await sql('update public.services set bookable_online = true where id = $1', [b.service])

    const stranger = await business()
    const foreign = await customer.client.rpc('available_slots', { p_service_id: stranger.service })
    expect(foreign.status).toBe(404)
    const tooMany = await b.office.rpc('available_slots', { p_service_id: b.service, p_days: 100 })
    expect(tooMany.error).toMatchObject({
      code: '22023',
      message: 'p_days must be between 1 and 62',
    })
  })
})

describe('online booking', () => {
  it('20 customers racing for the last slot: one job, 19 clear refusals', async () => {
    const b = await business({ durationMinutes: 60 })
    const { day, weekday } = dayAhead(4)
    await setHours(b.tech, b.org, [[weekday, '09:00', '10:00']])
    const customers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => portalCustomer(b.org, `Racer${i}`)),
    )
    const [slot] = await slotsOn(customers[0]?.client as TypedClient, b.service, day)
    expect(slot && local(slot.starts_at)).toBe('09:00')

    const results = await Promise.all(
      customers.map((c) =>
        c.client.rpc('book_appointment', {
          p_service_id: b.service,
          p_starts_at: slot?.starts_at as string,
        }),
      ),
    )
    const won = results.filter((r) => r.error === null)
    const lost = results.filter((r) => r.error !== null)
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(19)
    for (const r of lost) {
      expect(r.status).toBe(409)
      expect(r.error).toMatchObject({ code: '23P01', message: 'Sorry, that time was just taken' })
    }
    const jobs = await sql<{ n: number }>(
      'select count(*)::int as n from public.jobs where service_id = $1',
      [b.service],
    )
    expect(jobs[0]?.n).toBe(1)
    expect(await slotsOn(b.office, b.service, day)).toEqual([])
  })

  it('a booking is requested (or scheduled when instant), holds a technician, and the office hears of it', async () => {
    const b = await business({ durationMinutes: 90 })
    const { day, weekday } = dayAhead(6)
    await setHours(b.tech, b.org, [[weekday, '08:00', '12:00']])
    const customer = await portalCustomer(b.org, 'Alice')
    const [first, second] = await slotsOn(customer.client, b.service, day)
    const booked = await customer.client.rpc('book_appointment', {
      p_service_id: b.service,
      p_starts_at: first?.starts_at as string,
      p_notes: 'Red wine on the rug',
    })
    expect(booked.error).toBeNull()
    expect(booked.data).toMatchObject({
      status: 'requested',
      technician_id: b.tech,
      title: 'Deep clean',
      price_cents: 10000,
      notes: 'Red wine on the rug',
      address: '1 Main St, Austin',
    })
    // Sent twice (a double click): the same job, not a second one.
    const again = await customer.client.rpc('book_appointment', {
      p_service_id: b.service,
      p_starts_at: first?.starts_at as string,
    })
    expect(again.data?.id).toBe(booked.data?.id)
    const notices = await sql<{ kind: string; title: string }>(
      'select kind, title from public.staff_notifications where record_id = $1',
      [booked.data?.id],
    )
    expect(notices[0]).toMatchObject({ kind: 'booking_requested' })
    expect(notices[0]?.title).toMatch(/^Alice Test booked Deep clean on /)

    await sql('update public.organizations set instant_booking = true where id = $1', [b.org])
    const slotsLeft = await slotsOn(customer.client, b.service, day)
    expect(slotsLeft.map((s) => s.starts_at)).not.toContain(second?.starts_at)
    const instant = await customer.client.rpc('book_appointment', {
      p_service_id: b.service,
      p_starts_at: slotsLeft.at(-1)?.starts_at as string,
    })
    expect(instant.data?.status).toBe('scheduled')
  })

  it('refuses times outside the rules, other customers’ properties and archived customers, saving nothing', async () => {
    const b = await business({ durationMinutes: 60, leadHours: 48 })
    const customer = await portalCustomer(b.org)
    const other = await portalCustomer(b.org, 'Other')
    const soon = new Date(Date.now() + 3_600_000).toISOString()
    const early = await customer.client.rpc('book_appointment', {
      p_service_id: b.service,
      p_starts_at: soon,
    })
    expect(early.error).toMatchObject({
      code: '22023',
      message: 'That time is too soon to book online',
    })
    expect(early.error?.hint).toBe('Pick a time at least 48 hours from now.')

    const { day, weekday } = dayAhead(5)
    await setHours(b.tech, b.org, [[weekday, '08:00', '17:00']])
    const [slot] = await slotsOn(customer.client, b.service, day)
    const offGrid = new Date(
      new Date(slot?.starts_at as string).getTime() + 7 * 60_000,
    ).toISOString()
    const odd = await customer.client.rpc('book_appointment', {
      p_service_id: b.service,
      p_starts_at: offGrid,
    })
    expect(odd.error?.code).toBe('23P01')

    const [otherProperty] = await sql<{ id: string }>(
      'select id from public.properties where customer_id = $1',
      [other.id],
    )
    const foreign = await customer.client.rpc('book_appointment', {
      p_service_id: b.service,
      p_starts_at: slot?.starts_at as string,
      p_property_id: otherProperty?.id as string,
    })
    expect(foreign.status).toBe(404)

    await sql('update public.customers set archived_at = now() where id = $1', [customer.id])
    const archived = await customer.client.rpc('book_appointment', {
      p_service_id: b.service,
      p_starts_at: slot?.starts_at as string,
    })
    expect(archived.error?.message).toBe('Your account is closed for new bookings; please call us')
    const jobs = await sql<{ n: number }>(
      'select count(*)::int as n from public.jobs where organization_id = $1',
      [b.org],
    )
    expect(jobs[0]?.n).toBe(0)
  })

  it('a customer moves an appointment to a free slot within the policy; staff use the calendar', async () => {
    const b = await business({ durationMinutes: 60 })
    await sql('update public.organizations set cancellation_notice_hours = 24 where id = $1', [
      b.org,
    ])
    const { day, weekday } = dayAhead(7)
    await setHours(b.tech, b.org, [[weekday, '08:00', '12:00']])
    const customer = await portalCustomer(b.org)
    const slots = await slotsOn(customer.client, b.service, day)
    const booked = await customer.client.rpc('book_appointment', {
      p_service_id: b.service,
      p_starts_at: slots[0]?.starts_at as string,
    })
    await sql(`update public.jobs set status = 'confirmed' where id = $1`, [booked.data?.id])

    // The job's own time is free for itself when moving it.
    const { data: forMove } = await customer.client.rpc('available_slots', {
      p_service_id: b.service,
      p_from: await chicagoMidnight(day),
      p_days: 1,
      p_job_id: booked.data?.id as string,
    })
    expect(forMove?.map((s) => local(s.starts_at))).toContain(local(slots[0]?.starts_at as string))
    const target = slots.find((s) => local(s.starts_at) === '10:00')?.starts_at as string
    const moved = await customer.client.rpc('reschedule_appointment', {
      p_job_id: booked.data?.id as string,
      p_starts_at: target,
    })
    expect(moved.error).toBeNull()
    expect(moved.data).toMatchObject({
      technician_id: b.tech,
      status: 'requested',
      confirmed_at: null,
    })
    expect(new Date(moved.data?.scheduled_start as string).toISOString()).toBe(
      new Date(target).toISOString(),
    )
    const notice = await sql<{ kind: string; title: string }>(
      `select kind, title from public.staff_notifications where record_id = $1 and kind = 'job_rescheduled'`,
      [booked.data?.id],
    )
    expect(notice[0]?.title).toMatch(/moved Deep clean to/)

    const staffMove = await b.office.rpc('reschedule_appointment', {
      p_job_id: booked.data?.id as string,
      p_starts_at: target,
    })
    expect(staffMove.error).toMatchObject({
      code: '42501',
      message: 'Staff move jobs on the calendar',
    })

    const near = await insertRow('jobs', {
      organization_id: b.org,
      customer_id: customer.id,
      service_id: b.service,
      technician_id: b.tech,
      title: 'Tomorrow morning',
      scheduled_start: new Date(Date.now() + 5 * 3_600_000).toISOString(),
      scheduled_end: new Date(Date.now() + 6 * 3_600_000).toISOString(),
    })
    const late = await customer.client.rpc('reschedule_appointment', {
      p_job_id: near,
      p_starts_at: target,
    })
    expect(late.error?.message).toBe(
      'Appointments can be changed online up to 24 hours before the start; please call us to reschedule',
    )
  })
})

describe('schedule conflicts', () => {
  it('name overlapping jobs, hours outside the shifts and time off; others see none', async () => {
    const b = await business()
    const { day, weekday } = dayAhead(8)
    await setHours(b.tech, b.org, [[weekday, '08:00', '12:00']])
    const customer = await portalCustomer(b.org)
    const nine = new Date(await chicagoMidnight(day)).getTime() + 9 * 3_600_000
    const at = (ms: number) => new Date(ms).toISOString()
    await insertRow('jobs', {
      organization_id: b.org,
      customer_id: customer.id,
      technician_id: b.tech,
      title: 'Rug wash',
      scheduled_start: at(nine),
      scheduled_end: at(nine + 3_600_000),
    })
    await insertRow('time_off', {
      organization_id: b.org,
      staff_member_id: b.tech,
      starts_at: at(nine + 2.5 * 3_600_000),
      ends_at: at(nine + 6 * 3_600_000),
      reason: 'Training',
    })
    const check = async (startMs: number, endMs: number, client = b.office) =>
      (
        await client.rpc('schedule_conflicts', {
          p_technician_id: b.tech,
          p_starts_at: at(startMs),
          p_ends_at: at(endMs),
        })
      ).data?.map((c) => c.kind) ?? []

    expect(await check(nine + 3_600_000, nine + 2 * 3_600_000)).toEqual([])
    expect(await check(nine + 1_800_000, nine + 5_400_000)).toEqual(['overlap'])
    expect(await check(nine + 2 * 3_600_000, nine + 4 * 3_600_000)).toEqual([
      'outside_hours',
      'time_off',
    ])
    const { data } = await b.office.rpc('schedule_conflicts', {
      p_technician_id: b.tech,
      p_starts_at: at(nine + 1_800_000),
      p_ends_at: at(nine + 5_400_000),
    })
    expect(data?.[0]?.message).toBe('Overlaps Rug wash (9:00 AM–10:00 AM)')
    expect(await check(nine + 1_800_000, nine + 5_400_000, customer.client)).toEqual([])
  })
})

describe('availability rows and RLS', () => {
  it('staff read, the office keeps, a technician adds only their own time off, customers see nothing', async () => {
    const b = await business()
    const techUser = await createAuthUser('tech')
    const techId = await createStaff(b.org, techUser.id, 'technician')
    const tech = userClient(await accessTokenFor(techUser.id, techUser.email))
    const customer = await portalCustomer(b.org)

    expect((await tech.from('working_hours').select('id')).data?.length).toBe(10)
    expect((await customer.client.from('working_hours').select('id')).data).toEqual([])
    expect((await customer.client.from('time_off').select('id')).data).toEqual([])
    expect((await customer.client.from('technician_services').select('*')).data).toEqual([])

    const week = [{ weekday: 1, starts_at: '07:00', ends_at: '15:00' }]
    const refused = await tech.rpc('set_working_hours', {
      p_staff_member_id: techId,
      p_shifts: week,
    })
    expect(refused.error).toMatchObject({
      code: '42501',
      message: 'Only the office may change working hours',
    })
    expect(
      (await sql('select 1 from public.working_hours where staff_member_id = $1', [techId])).length,
    ).toBe(5)
    const saved = await b.office.rpc('set_working_hours', {
      p_staff_member_id: techId,
      p_shifts: week,
    })
    expect(saved.error).toBeNull()
    expect(saved.data).toHaveLength(1)
    const overlapping = await b.office.rpc('set_working_hours', {
      p_staff_member_id: techId,
      p_shifts: [...week, { weekday: 1, starts_at: '14:00', ends_at: '18:00' }],
    })
    expect(overlapping.error).toMatchObject({
      code: '23P01',
      message: 'These hours overlap other hours of the same day',
    })
    expect(
      (await sql('select 1 from public.working_hours where staff_member_id = $1', [techId])).length,
    ).toBe(1)

    const window = {
      starts_at: new Date(Date.now() + 86_400_000).toISOString(),
      ends_at: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    }
    const own = await tech
      .from('time_off')
      .insert({ organization_id: b.org, staff_member_id: techId, ...window })
      .select('id')
    expect(own.error).toBeNull()
    const colleague = await tech
      .from('time_off')
      .insert({ organization_id: b.org, staff_member_id: b.tech, ...window })
    expect(colleague.error?.code).toBe('42501')
    const byCustomer = await customer.client
      .from('time_off')
      .insert({ organization_id: b.org, staff_member_id: b.tech, ...window })
    expect(byCustomer.error?.code).toBe('42501')
  })
})
