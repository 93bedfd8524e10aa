import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  getStaffDigestSetting,
  listDeliveries,
  listNotificationTemplates,
  resetNotificationTemplate,
  retryDelivery,
  saveNotificationTemplate,
  saveStaffDigestSetting,
  updateOrganization,
} from '../../src/repositories/index.ts'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, sql } from './support/stack.ts'
import { createWorld, type World } from './support/world.ts'

describe('notification templates, digest settings and retries: who may do what', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  const template = (organizationId: string) => ({
    organizationId,
    event: 'appointment_booked' as const,
    channel: 'email' as const,
    subject: 'See you {{job.start}}',
    body: null,
  })

  it('owners and admins write templates; every staff member reads them; office, technicians and customers cannot write', async () => {
    const owner = clientFor(world.personas.owner)
    const saved = await saveNotificationTemplate(owner, template(world.org1))
    expect(saved).toMatchObject({
      event: 'appointment_booked',
      channel: 'email',
      subject: 'See you {{job.start}}',
    })
    // A second save changes the same row.
    const again = await saveNotificationTemplate(clientFor(world.personas.admin), {
      ...template(world.org1),
      subject: 'Booked for {{job.start}}',
    })
    expect(again.id).toBe(saved.id)

    for (const who of ['office', 'tech'] as const) {
      const rows = await listNotificationTemplates(clientFor(world.personas[who]), world.org1)
      expect(rows.map((r) => r.subject)).toEqual(['Booked for {{job.start}}'])
      await expect(
        saveNotificationTemplate(clientFor(world.personas[who]), {
          ...template(world.org1),
          channel: 'sms',
          subject: null,
          body: 'x',
        }),
      ).rejects.toThrow()
    }
    expect(
      await listNotificationTemplates(clientFor(world.personas.customerA), world.org1),
    ).toEqual([])
    expect(
      await listNotificationTemplates(clientFor(world.personas.otherOrgOwner), world.org1),
    ).toEqual([])
    await expect(
      saveNotificationTemplate(clientFor(world.personas.otherOrgOwner), template(world.org1)),
    ).rejects.toThrow()

    // Office staff cannot reset it either (the delete matches nothing under RLS).
    await resetNotificationTemplate(clientFor(world.personas.office), template(world.org1))
    expect(await listNotificationTemplates(owner, world.org1)).toHaveLength(1)
    await resetNotificationTemplate(owner, template(world.org1))
    expect(await listNotificationTemplates(owner, world.org1)).toEqual([])
  })

  it('the database refuses a subject on a text message, a text over 480 characters and empty templates', async () => {
    const owner = clientFor(world.personas.owner)
    const base = { organizationId: world.org1, event: 'invoice_sent' as const }
    await expect(
      saveNotificationTemplate(owner, { ...base, channel: 'sms', subject: 'Hi', body: 'x' }),
    ).rejects.toThrow(/check/)
    await expect(
      saveNotificationTemplate(owner, {
        ...base,
        channel: 'sms',
        subject: null,
        body: 'x'.repeat(481),
      }),
    ).rejects.toThrow(/check/)
    await expect(
      saveNotificationTemplate(owner, { ...base, channel: 'email', subject: null, body: null }),
    ).rejects.toThrow(/check/)
    await expect(
      saveNotificationTemplate(owner, {
        ...base,
        channel: 'email',
        subject: 's'.repeat(201),
        body: null,
      }),
    ).rejects.toThrow(/check/)
  })

  it('the accent colour must be a #rrggbb colour', async () => {
    const owner = clientFor(world.personas.owner)
    expect(
      (await updateOrganization(owner, world.org1, { accent_color: '#0f766e' })).accent_color,
    ).toBe('#0f766e')
    await expect(updateOrganization(owner, world.org1, { accent_color: 'red' })).rejects.toThrow(
      /check/,
    )
    await expect(
      updateOrganization(owner, world.org1, { accent_color: '#0F766E' }),
    ).rejects.toThrow(/check/)
  })

  it('each staff member sees and changes only their own digest setting, off unless set', async () => {
    const tech = clientFor(world.personas.tech)
    expect(await getStaffDigestSetting(tech, world.staff.tech)).toBeNull()
    const saved = await saveStaffDigestSetting(tech, {
      staffMemberId: world.staff.tech,
      organizationId: world.org1,
      frequency: 'daily',
      hour: 18,
    })
    expect(saved).toMatchObject({ frequency: 'daily', hour: 18, last_digest_at: null })
    // The owner cannot read or set the technician's.
    expect(
      await getStaffDigestSetting(clientFor(world.personas.owner), world.staff.tech),
    ).toBeNull()
    await expect(
      saveStaffDigestSetting(clientFor(world.personas.owner), {
        staffMemberId: world.staff.tech,
        organizationId: world.org1,
        frequency: 'off',
        hour: 7,
      }),
    ).rejects.toThrow()
    expect((await getStaffDigestSetting(tech, world.staff.tech))?.frequency).toBe('daily')
    // Nobody but the database moves the last slot.
    const moved = await tech
      .from('staff_digest_settings')
      .update({ last_digest_at: new Date().toISOString() })
      .eq('staff_member_id', world.staff.tech)
    expect(moved.error?.code).toBe('42501')
  })

  it('owners and admins of the organization put a dead delivery back in the queue; nobody else can', async () => {
    const [row] = await sql<{ id: string }>(
      `insert into notification_outbox (organization_id, customer_id, event, event_group, channel, recipient,
         record_table, record_id, idempotency_key, status, attempts, last_error)
       values ($1, $2, 'invoice_sent', 'billing', 'email', 'a@example.test', 'invoices', gen_random_uuid(),
         gen_random_uuid()::text, 'dead', 6, '550 No such mailbox') returning id`,
      [world.org1, world.customerA],
    )
    const id = row?.id ?? ''
    for (const who of ['office', 'tech', 'customerA', 'otherOrgOwner'] as const) {
      await expect(retryDelivery(clientFor(world.personas[who]), id), who).rejects.toThrow(
        /no such delivery/,
      )
    }
    // A newer delivery after it: created later, so only activity can put the old one first.
    await sql(
      `insert into notification_outbox (organization_id, customer_id, event, event_group, channel, recipient,
         record_table, record_id, idempotency_key, status)
       values ($1, $2, 'invoice_sent', 'billing', 'email', 'a@example.test', 'invoices', gen_random_uuid(),
         gen_random_uuid()::text, 'sent')`,
      [world.org1, world.customerA],
    )
    const dead = await listDeliveries(clientFor(world.personas.owner), world.org1, {
      status: 'dead',
    })
    expect(dead.map((d) => d.id)).toContain(id)
    await retryDelivery(clientFor(world.personas.admin), id)
    const [after] = await sql<{ status: string; attempts: number }>(
      `select status, attempts from notification_outbox where id = $1`,
      [id],
    )
    expect(after).toEqual({ status: 'pending', attempts: 0 })
    // Back in the queue, the old row leads the log again (latest activity first).
    const latest = await listDeliveries(clientFor(world.personas.owner), world.org1, { limit: 1 })
    expect(latest.map((d) => d.id)).toEqual([id])
    // Only a dead row: the pending one is refused with a clear reason.
    await expect(retryDelivery(clientFor(world.personas.owner), id)).rejects.toThrow(
      /only a failed \(dead\) delivery/,
    )
  })
})
