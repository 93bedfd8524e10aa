import { beforeAll, describe, expect, it } from 'vitest'
import {
  cancelJob,
  createJob,
  listAuditTrail,
  updateCustomer,
  updateJob,
} from '../../src/repositories/index.ts'
import { createWorld, hoursFromNow, sql, type World } from '../helpers/stack.ts'

let world: World
let jobId: string
beforeAll(async () => {
  world = await createWorld()
  const job = await createJob(world.staff.client, {
    organization_id: world.organizationId,
    customer_id: world.customer.id,
    title: 'Deep clean',
    status: 'scheduled',
    scheduled_start: hoursFromNow(72),
    scheduled_end: hoursFromNow(74),
    price_cents: 12_000,
  })
  jobId = job.id
})

describe('audit trail', () => {
  it('records the staff member, the customer and the system, with old → new for the fields that matter', async () => {
    await updateJob(world.staff.client, jobId, { price_cents: 15_000, notes: 'Bring the ladder' })
    await updateJob(world.staff.client, jobId, { technician_id: world.technician.id })
    await cancelJob(world.customer.client, jobId, 'Moving house')
    // No user behind the statement (cron, scripts): the system.
    await sql(`update public.jobs set title = 'Deep clean (moved)' where id = $1`, [jobId])

    const trail = await listAuditTrail(world.staff.client, { customerId: world.customer.id, recordId: jobId })
    expect(trail.map((e) => [e.action, e.actor, e.actor_name, e.changes])).toEqual([
      ['updated', 'system', 'System', { title: { old: 'Deep clean', new: 'Deep clean (moved)' } }],
      [
        'updated',
        'customer',
        'alice Tester',
        { status: { old: 'scheduled', new: 'cancelled' }, cancellation_reason: { old: null, new: 'Moving house' } },
      ],
      ['updated', 'staff', 'Olivia Owner', { technician_id: { old: null, new: 'Terry Tech' } }],
      // The notes are not audited; the price is.
      ['updated', 'staff', 'Olivia Owner', { price_cents: { old: 12_000, new: 15_000 } }],
      ['created', 'staff', 'Olivia Owner', expect.objectContaining({ title: { new: 'Deep clean' }, status: { new: 'scheduled' } })],
    ])
    expect(trail.every((e) => e.record_label.startsWith('Deep clean') && e.table_name === 'jobs')).toBe(true)
    expect(trail[1]?.actor_user_id).toBe(world.customer.userId)
  })

  it('skips updates that touch no audited field, and keeps the customer’s own edits', async () => {
    const before = (await listAuditTrail(world.staff.client, { customerId: world.customer.id })).length
    await sql(`update public.customers set notification_preferences = '{"email": false}'::jsonb where id = $1`, [world.customer.id])
    expect(await listAuditTrail(world.staff.client, { customerId: world.customer.id })).toHaveLength(before)

    await updateCustomer(world.customer.client, world.customer.id, { phone: '512-555-0142' })
    const [latest] = await listAuditTrail(world.staff.client, { customerId: world.customer.id })
    expect(latest).toMatchObject({
      table_name: 'customers',
      record_id: world.customer.id,
      actor: 'customer',
      changes: { phone: { old: null, new: '512-555-0142' } },
    })
  })

  it('is readable by the organization’s staff only, and nobody can write or rewrite it', async () => {
    expect((await listAuditTrail(world.technician.client, { customerId: world.customer.id })).length).toBeGreaterThan(0)
    expect(await listAuditTrail(world.customer.client, { customerId: world.customer.id })).toEqual([])
    const other = await createWorld()
    expect(await listAuditTrail(other.staff.client, { customerId: world.customer.id })).toEqual([])

    const forged = await world.staff.client.from('audit_events').insert({
      organization_id: world.organizationId,
      customer_id: world.customer.id,
      table_name: 'jobs',
      record_id: jobId,
      record_label: 'Forged',
      action: 'deleted',
      actor: 'system',
      actor_name: 'System',
    })
    expect(forged.error?.code).toBe('42501')
    const rewrite = await world.staff.client.from('audit_events').delete().eq('customer_id', world.customer.id).select('id')
    expect(rewrite.error?.code).toBe('42501')
    expect((await listAuditTrail(world.staff.client, { customerId: world.customer.id })).length).toBeGreaterThan(0)
  })

  it('keeps a deleted job’s history, and deleting an organization cascades without error', async () => {
    const other = await createWorld()
    const job = await createJob(other.staff.client, {
      organization_id: other.organizationId,
      customer_id: other.customer.id,
      title: 'Gutter clean',
      scheduled_start: hoursFromNow(24),
      scheduled_end: hoursFromNow(25),
    })
    await other.staff.client.from('jobs').delete().eq('id', job.id)
    const trail = await listAuditTrail(other.staff.client, { customerId: other.customer.id, recordId: job.id })
    expect(trail.map((e) => e.action)).toEqual(['deleted', 'created'])

    await sql('delete from public.organizations where id = $1', [other.organizationId])
    const left = await sql('select 1 from public.audit_events where organization_id = $1', [other.organizationId])
    expect(left).toEqual([])
  })
})
