import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, sql } from './support/stack.ts'
import { createJob, createWorld, type World } from './support/world.ts'

interface Notice {
  staff_member_id: string
  kind: string
  title: string
  body: string | null
  record_table: string
  record_id: string
  read_at: string | null
}

describe('staff notifications: the database tells staff what customers did', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  const noticesAbout = (recordId: string) =>
    sql<Notice>(
      `select staff_member_id, kind, title, body, record_table, record_id, read_at
         from public.staff_notifications where record_id = $1 order by staff_member_id`,
      [recordId],
    )
  const officeSide = () => [world.staff.owner, world.staff.admin, world.staff.office].sort()

  it('a cancellation reaches owner, admin, office and the job’s technician, saying who, what and when', async () => {
    const job = await createJob(world.org1, world.customerA, { technician_id: world.staff.tech, title: 'Rug cleaning' })
    const cancelled = await clientFor(world.personas.customerA).rpc('cancel_job', { p_job_id: job, p_reason: 'Moving house' })
    expect(cancelled.error).toBeNull()
    const notices = await noticesAbout(job)
    expect(notices.map((n) => n.staff_member_id).sort()).toEqual([...officeSide(), world.staff.tech].sort())
    for (const n of notices) {
      expect(n).toMatchObject({ kind: 'job_cancelled', record_table: 'jobs', body: 'Moving house', read_at: null })
      // "Alice Test cancelled Rug cleaning on Sun, Dec 13 at 9:41 AM", in the organization's time zone.
      expect(n.title).toMatch(/^Alice Test cancelled Rug cleaning on \w{3}, \w{3} \d{1,2} at \d{1,2}:\d\d [AP]M$/)
    }
  })

  it('reschedule requests, confirmations, messages, redemptions and contact changes each say who did it', async () => {
    const customer = clientFor(world.personas.customerA)
    const job = await createJob(world.org1, world.customerA)
    const later = new Date(Date.now() + 20 * 86_400_000).toISOString()
    expect((await customer.rpc('request_reschedule', { p_job_id: job, p_preferred_times: [later], p_note: 'Mornings' })).error).toBeNull()
    const other = await createJob(world.org1, world.customerA)
    expect((await customer.rpc('confirm_job', { p_job_id: other })).error).toBeNull()
    const message = await customer
      .from('messages')
      .insert({ organization_id: world.org1, customer_id: world.customerA, sender_type: 'customer', body: 'Can you   come\nearlier?' })
      .select('id')
      .single()
    expect(message.error).toBeNull()
    const redeemed = await customer.rpc('redeem_points', { p_customer_id: world.customerA, p_reward_id: world.reward })
    expect(redeemed.error).toBeNull()
    expect((await customer.from('customers').update({ phone: '512 555 0100', city: 'Round Rock' }).eq('id', world.customerA)).error).toBeNull()

    const one = async (recordId: string) => (await noticesAbout(recordId)).find((n) => n.staff_member_id === world.staff.office)
    expect(await one(job)).toMatchObject({ kind: 'reschedule_requested', body: 'Mornings' })
    expect((await one(job))?.title).toMatch(/^Alice Test asked to reschedule Carpet cleaning on /)
    expect((await one(other))?.title).toMatch(/^Alice Test confirmed Carpet cleaning on /)
    expect(await one(message.data?.id as string)).toMatchObject({
      kind: 'message_received',
      title: 'Alice Test sent a message',
      body: 'Can you come earlier?',
    })
    expect(await one(redeemed.data?.id as string)).toMatchObject({ kind: 'points_redeemed', title: 'Alice Test redeemed 100 points' })
    const profile = (await noticesAbout(world.customerA)).filter((n) => n.staff_member_id === world.staff.office)
    expect(profile.map((n) => n.title)).toContain('Alice Test updated their phone, address')
    // Technicians hear only about their own jobs.
    expect((await noticesAbout(message.data?.id as string)).map((n) => n.staff_member_id).sort()).toEqual(officeSide())
  })

  it('what staff do themselves notifies nobody', async () => {
    const job = await createJob(world.org1, world.customerA)
    const office = clientFor(world.personas.office)
    expect((await office.rpc('cancel_job', { p_job_id: job, p_reason: 'Staff cancelled' })).error).toBeNull()
    expect(await noticesAbout(job)).toEqual([])
  })

  it('each staff member reads and marks only their own; customers and other organizations read none', async () => {
    const job = await createJob(world.org1, world.customerA, { technician_id: world.staff.tech })
    await clientFor(world.personas.customerA).rpc('cancel_job', { p_job_id: job })
    const office = clientFor(world.personas.office)
    const mine = await office.from('staff_notifications').select('*').eq('record_id', job)
    expect(mine.data?.map((n) => n.staff_member_id)).toEqual([world.staff.office])
    for (const persona of [world.personas.customerA, world.personas.otherOrgOwner, world.personas.unlinked, world.personas.anon]) {
      const seen = await clientFor(persona).from('staff_notifications').select('id').eq('record_id', job)
      expect(seen.data ?? [], persona.kind).toEqual([])
    }
    // Only read_at may change.
    const id = mine.data?.[0]?.id as string
    const retitled = await office.from('staff_notifications').update({ title: 'Nothing happened' }).eq('id', id).select()
    expect(retitled.error?.code).toBe('42501')
    const read = await office.from('staff_notifications').update({ read_at: new Date().toISOString() }).eq('id', id).select()
    expect(read.error).toBeNull()
    expect(read.data?.[0]?.read_at).not.toBeNull()

    // "Mark all read" marks the caller's own unread notices and nobody else's.
    const techUnreadBefore = await sql<{ n: number }>(
      'select count(*)::int as n from public.staff_notifications where staff_member_id = $1 and read_at is null',
      [world.staff.tech],
    )
    const marked = await clientFor(world.personas.owner).rpc('mark_staff_notifications_read')
    expect(marked.error).toBeNull()
    expect(marked.data).toBeGreaterThan(0)
    const ownerUnread = await sql<{ n: number }>(
      'select count(*)::int as n from public.staff_notifications where staff_member_id = $1 and read_at is null',
      [world.staff.owner],
    )
    expect(ownerUnread[0]?.n).toBe(0)
    expect(
      await sql<{ n: number }>(
        'select count(*)::int as n from public.staff_notifications where staff_member_id = $1 and read_at is null',
        [world.staff.tech],
      ),
    ).toEqual(techUnreadBefore)
  })
})
