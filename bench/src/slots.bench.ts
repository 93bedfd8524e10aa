// Free-slot computation for a busy business: 20 technicians (Mon–Fri 8–17), 2,000 jobs and some
// time off in the next 14 days, slots every 30 minutes. Measured through listOpenSlots (REST rpc
// available_slots, as a signed-in customer and as the owner), and the booking itself (book_appointment).
import { bookAppointment, listOpenSlots } from '@repo/database/repositories'
import { startTestStack } from '@repo/local-supabase/testing'
import { createClient } from '@supabase/supabase-js'
import pg from 'pg'

const ORG = '10000000-0000-4000-8000-000000000001'
const CARPET = '40000000-0000-4000-8000-000000000001' // 120 minutes
const RUG = '40000000-0000-4000-8000-000000000005' // 45 minutes
const TECHNICIANS = 20
const JOBS = 2_000
const RUNS = 15

const percentile = (values: number[], p: number) =>
  values.slice().sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor(values.length * p))
  ] ?? 0

export async function run(): Promise<void> {
  const stack = await startTestStack({ seed: 'always' })
  const db = new pg.Client({ connectionString: stack.info.DB_URL })
  await db.connect()
  try {
    await db.query(`update public.organizations set booking_lead_hours = 0 where id = $1`, [ORG])
    // 18 more technicians (the seed has two); each gets Mon–Fri 8–17 by default.
    await db.query(
      `insert into public.staff_members (organization_id, full_name, role)
       select $1, 'Technician ' || g, 'technician' from generate_series(3, $2) g`,
      [ORG, TECHNICIANS],
    )
    // 2,000 jobs of 1–2 hours spread over the technicians' working hours in the next 14 days
    // (some overlap: the calendar allows it after a confirmation).
    await db.query(
      `with techs as (select id, row_number() over (order by id) as n from public.staff_members
                      where organization_id = $1 and role = 'technician'),
            days as (select d::date as day, row_number() over (order by d) as k
                     from generate_series((now() at time zone 'America/Chicago')::date + 1,
                                          (now() at time zone 'America/Chicago')::date + 13, interval '1 day') d
                     where extract(isodow from d) < 6)
       insert into public.jobs (organization_id, customer_id, technician_id, service_id, title, status,
                                scheduled_start, scheduled_end, price_cents)
       select $1, '30000000-0000-4000-8000-000000000003', t.id, '40000000-0000-4000-8000-000000000002',
              'Bench job ' || g, 'scheduled',
              ((d.day + make_time(8 + (g % 8), (g % 2) * 30, 0)) at time zone 'America/Chicago'),
              ((d.day + make_time(8 + (g % 8), (g % 2) * 30, 0)) at time zone 'America/Chicago')
                + make_interval(mins => 60 + (g % 3) * 30),
              9900
       from generate_series(1, $2) g
       join techs t on t.n = 1 + g % ${TECHNICIANS}
       join days d on d.k = 1 + (g / ${TECHNICIANS}) % (select count(*) from days)`,
      [ORG, JOBS],
    )
    await db.query(
      `insert into public.time_off (organization_id, staff_member_id, starts_at, ends_at, reason)
       select $1, s.id, now() + interval '3 days', now() + interval '4 days', 'Off'
       from public.staff_members s where s.organization_id = $1 and s.role = 'technician' limit 3`,
      [ORG],
    )
    await db.query('analyze')
    const [{ jobs }] = (
      await db.query<{ jobs: number }>(
        `select count(*)::int as jobs from public.jobs where organization_id = $1
           and scheduled_start between now() and now() + interval '14 days'`,
        [ORG],
      )
    ).rows as [{ jobs: number }]

    const signIn = async (email: string) => {
      const client = createClient(stack.info.API_URL, stack.info.ANON_KEY, {
        auth: { persistSession: false },
      })
      const result = await client.auth.signInWithPassword({ email, password: 'password123' })
      if (result.error) throw result.error
      return client
    }
    const customer = await signIn('bob@example.com')
    const owner = await signIn('owner@dirtfree.test')

    const rows: string[] = []
    const measure = async (label: string, work: () => Promise<number>) => {
      const times: number[] = []
      let count = 0
      await work()
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now()
        count = await work()
        times.push(performance.now() - started)
      }
      rows.push(
        `| ${label} | ${count} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} |`,
      )
    }
    for (const [name, service] of [
      ['carpet (120 min)', CARPET],
      ['rug (45 min)', RUG],
    ] as const) {
      for (const days of [1, 7, 14]) {
        await measure(
          `${name}, ${days} day${days > 1 ? 's' : ''}, as a customer`,
          async () => (await listOpenSlots(customer, { serviceId: service, days })).length,
        )
      }
      await measure(
        `${name}, 14 days, as the owner`,
        async () => (await listOpenSlots(owner, { serviceId: service, days: 14 })).length,
      )
    }
    const slots = await listOpenSlots(customer, { serviceId: RUG, days: 14 })
    const bookings: number[] = []
    for (const slot of slots.slice(0, RUNS)) {
      const started = performance.now()
      await bookAppointment(customer, { serviceId: RUG, startsAt: slot.starts_at })
      bookings.push(performance.now() - started)
    }

    console.log(
      `${TECHNICIANS} technicians (Mon–Fri 8 AM–5 PM, America/Chicago), ${jobs.toLocaleString('en-US')} jobs in the next 14 days, 3 days of time off; slots every 30 minutes, 30-minute buffer. Median and p95 of ${RUNS} calls through the repositories (REST rpc), first call discarded.\n`,
    )
    console.log('| query | free start times | p50 ms | p95 ms |')
    console.log('| --- | ---: | ---: | ---: |')
    for (const row of rows) console.log(row)
    console.log(
      `| book_appointment (lock, re-check, insert) | ${bookings.length} bookings | ${percentile(bookings, 0.5).toFixed(1)} | ${percentile(bookings, 0.95).toFixed(1)} |`,
    )
  } finally {
    await db.end()
    await stack.stop()
  }
}
