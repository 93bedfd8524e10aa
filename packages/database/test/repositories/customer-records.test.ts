// The office's customer records: duplicates, archiving, the directory's archived filter, booking
// rules, online-bookable services and technician skills, each as the signed-in user (RLS on).
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createCustomer,
  createProperty,
  createService,
  findDuplicateCustomers,
  getProperty,
  PermissionError,
  searchCustomerDirectory,
  setCustomerArchived,
  setServiceBookableOnline,
  setTechnicianServices,
  updateBookingRules,
} from '../../src/repositories/index.ts'
import { createWorld, unique, type World } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

describe('customer records', () => {
  it('finds duplicates by e-mail in any case or by phone digits, and nothing for too little input', async () => {
    const org = world.organizationId
    const email = `${unique('dup')}@example.com`
    const dup = await createCustomer(world.staff.client, {
      organization_id: org,
      first_name: 'Dana',
      last_name: 'Dup',
      email,
      phone: '(512) 555-0199',
    })
    const byEmail = await findDuplicateCustomers(world.staff.client, org, {
      email: email.toUpperCase(),
    })
    expect(byEmail.map((c) => c.id)).toEqual([dup.id])
    const byPhone = await findDuplicateCustomers(world.staff.client, org, { phone: '512.555.0199' })
    expect(byPhone.map((c) => c.id)).toEqual([dup.id])
    expect(await findDuplicateCustomers(world.staff.client, org, { phone: '0199' })).toEqual([])
    expect(await findDuplicateCustomers(world.staff.client, org, { email: '  ' })).toEqual([])
  })

  it('archives and restores; the directory leaves archived customers out when asked', async () => {
    const org = world.organizationId
    const last = unique('Archivable')
    const customer = await createCustomer(world.staff.client, {
      organization_id: org,
      first_name: 'Ari',
      last_name: last,
    })
    const archived = await setCustomerArchived(world.staff.client, customer.id, true)
    expect(archived.archived_at).not.toBeNull()
    const search = { organizationId: org, search: last }
    expect(
      (await searchCustomerDirectory(world.staff.client, { ...search, archived: 'exclude' })).total,
    ).toBe(0)
    expect(
      (await searchCustomerDirectory(world.staff.client, { ...search, archived: 'only' })).total,
    ).toBe(1)
    expect((await searchCustomerDirectory(world.staff.client, search)).total).toBe(1)
    const restored = await setCustomerArchived(world.staff.client, customer.id, false)
    expect(restored.archived_at).toBeNull()
    expect(
      (await searchCustomerDirectory(world.staff.client, { ...search, archived: 'exclude' })).total,
    ).toBe(1)
  })

  it('loads a property by id', async () => {
    const created = await createProperty(world.staff.client, {
      organization_id: world.organizationId,
      customer_id: world.customer.id,
      label: 'Office',
      address_line1: '1 Main St',
      confirmed_at: new Date().toISOString(),
    })
    expect((await getProperty(world.staff.client, created.id)).label).toBe('Office')
  })
})

describe('booking settings', () => {
  it('saves booking rules and refuses values outside the limits', async () => {
    const rules = {
      online_booking: true,
      instant_booking: true,
      booking_lead_hours: 2,
      booking_horizon_days: 30,
      booking_buffer_minutes: 15,
      booking_slot_step_minutes: 20,
    }
    const saved = await updateBookingRules(world.staff.client, world.organizationId, rules)
    expect(saved).toMatchObject(rules)
    await expect(
      updateBookingRules(world.staff.client, world.organizationId, {
        ...rules,
        booking_slot_step_minutes: 25,
      }),
    ).rejects.toMatchObject({ code: '23514' })
  })

  it('marks services bookable online and sets a technician’s skills (none: every service)', async () => {
    const org = world.organizationId
    const [a, b] = await Promise.all(
      ['Rugs', 'Tiles'].map((name) =>
        createService(world.staff.client, {
          organizationId: org,
          name: unique(name),
          basePriceCents: 100,
          durationMinutes: 60,
        }),
      ),
    )
    if (!a || !b) throw new Error('services not created')
    expect((await setServiceBookableOnline(world.staff.client, a.id, false)).bookable_online).toBe(
      false,
    )
    const skills = (rows: { service_id: string }[]) => rows.map((r) => r.service_id).sort()
    expect(
      skills(
        await setTechnicianServices(world.staff.client, org, world.technician.id, [a.id, b.id]),
      ),
    ).toEqual([a.id, b.id].sort())
    expect(
      skills(await setTechnicianServices(world.staff.client, org, world.technician.id, [b.id])),
    ).toEqual([b.id])
    expect(await setTechnicianServices(world.staff.client, org, world.technician.id, [])).toEqual(
      [],
    )
    // A technician may not change skills (RLS: the office keeps them).
    await expect(
      setTechnicianServices(world.technician.client, org, world.technician.id, [a.id]),
    ).rejects.toBeInstanceOf(PermissionError)
  })
})
