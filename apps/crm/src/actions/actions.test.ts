// Server Actions end to end inside the app (validate -> session -> role -> repository -> message),
// with the session and the repositories replaced: what a refused call returns, and that it never
// reached the database. The real repositories are exercised against the local stack in
// packages/database/test and test/integration.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const repositories = vi.hoisted(() => ({
  getCustomer: vi.fn(),
  getJob: vi.fn(),
  updateJob: vi.fn(),
  createJob: vi.fn(),
  createInvoice: vi.fn(),
  awardPoints: vi.fn(),
  provisionPortalUser: vi.fn(),
  resendInvite: vi.fn(),
  revokePortalAccess: vi.fn(),
  updateStaffMember: vi.fn(),
  inviteStaffMember: vi.fn(),
  updateOrganization: vi.fn(),
  createService: vi.fn(),
  createReward: vi.fn(),
  createCustomer: vi.fn(),
  findDuplicateCustomers: vi.fn(),
  createProperty: vi.fn(),
  addCustomerNote: vi.fn(),
  listCustomerProperties: vi.fn(),
  updateCustomer: vi.fn(),
  updateProperty: vi.fn(),
}))
const session = vi.hoisted(() => ({ role: 'office' as string, signedIn: true }))

vi.mock('server-only', () => ({}))
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }))
vi.mock('@repo/database/repositories', () => repositories)
vi.mock('@repo/database/service-role', () => ({ createClient: vi.fn(() => ({ admin: true })) }))
vi.mock('@/lib/staff-context.ts', () => ({
  findStaffContext: vi.fn(async () =>
    session.signedIn
      ? {
          supabase: { user: true },
          userId: 'user-1',
          staff: { id: 'staff-1', organization_id: 'org-1', role: session.role, full_name: 'Test Staff' },
          organization: { id: 'org-1', name: 'Dirt Free', timezone: 'America/Chicago', currency: 'USD' },
        }
      : 'signed-out',
  ),
}))

const { scheduleJobAction } = await import('./jobs/schedule-job-action.ts')
const { createInvoiceAction } = await import('./invoices/create-invoice-action.ts')
const { awardPointsAction } = await import('./loyalty/award-points-action.ts')
const { invitePortalUserAction, revokePortalAccessAction } = await import('./portal-access/portal-access-actions.ts')
const { changeJobStatusAction } = await import('./jobs/change-job-status-action.ts')
const { inviteStaffAction } = await import('./staff/invitation-actions.ts')
const { updateSettingsAction } = await import('./business/update-settings-action.ts')
const { createServiceAction } = await import('./business/service-actions.ts')
const { createRewardAction } = await import('./business/reward-actions.ts')
const { hideChecklistAction } = await import('./business/hide-checklist-action.ts')
const { createCustomerAction } = await import('./customers/create-customer-action.ts')

const customerId = '30000000-0000-4000-8000-000000000001'
const unknownId = '7d0a1f9e-3b1c-4c55-9a57-5f0b3f6c2e11'
const job = {
  customerId,
  title: 'Stairs',
  scheduledStart: '2026-12-01T09:00:00.000Z',
  scheduledEnd: '2026-12-01T11:00:00.000Z',
  priceCents: 12_500,
}
const invoice = {
  customerId,
  number: 'INV-2001',
  dueAt: '2026-12-15T00:00:00.000Z',
  taxCents: 0,
  lineItems: [{ description: 'Carpet cleaning', quantity: 1, unitPriceCents: 14_900 }],
}

function writes() {
  return [repositories.createJob, repositories.createInvoice, repositories.awardPoints, repositories.provisionPortalUser].reduce(
    (n, fn) => n + fn.mock.calls.length,
    0,
  )
}

beforeEach(() => {
  for (const fn of Object.values(repositories)) fn.mockReset()
  session.role = 'office'
  session.signedIn = true
  repositories.getCustomer.mockImplementation(async (_client: unknown, id: string) => {
    if (id !== customerId) throw Object.assign(new Error('not found'), { code: 'not_found' })
    return { id, email: 'alice@example.com', portal_user_id: null, address_line1: '12 Elm St', city: 'Austin' }
  })
  repositories.createJob.mockImplementation(async (_c: unknown, row: object) => ({ id: 'job-1', ...row }))
  repositories.createInvoice.mockImplementation(async () => ({ id: 'inv-1', number: 'INV-2001', line_items: [] }))
  repositories.findDuplicateCustomers.mockResolvedValue([])
})

describe('bad input is refused with a field message and writes nothing', () => {
  it('an end before the start', async () => {
    const result = await scheduleJobAction({ ...job, scheduledEnd: '2026-12-01T08:00:00.000Z' })
    expect(result).toMatchObject({ ok: false, fieldErrors: { scheduledEnd: ['End must be after the start'] } })
    expect(writes()).toBe(0)
  })

  it('negative amounts (job price, invoice line, points award)', async () => {
    expect(await scheduleJobAction({ ...job, priceCents: -500 })).toMatchObject({
      ok: false,
      fieldErrors: { priceCents: ['Price cannot be negative'] },
    })
    expect(
      await createInvoiceAction({ ...invoice, lineItems: [{ description: 'Refund?', quantity: 1, unitPriceCents: -100 }] }),
    ).toMatchObject({ ok: false, fieldErrors: { 'lineItems.0.unitPriceCents': ['Unit price cannot be negative'] } })
    const award = await awardPointsAction({ customerId, kind: 'bonus', points: -10, description: '' })
    expect(award.ok).toBe(false)
    expect(Object.keys(award.ok ? {} : (award.fieldErrors ?? {}))).toContain('points')
    expect(writes()).toBe(0)
  })

  it('an unknown customer id', async () => {
    expect(await scheduleJobAction({ ...job, customerId: unknownId })).toMatchObject({
      ok: false,
      error: 'Unknown customer.',
      fieldErrors: { customerId: ['This customer does not exist.'] },
    })
    expect(await createInvoiceAction({ ...invoice, customerId: unknownId })).toMatchObject({
      ok: false,
      fieldErrors: { customerId: ['This customer does not exist.'] },
    })
    expect(await scheduleJobAction({ ...job, customerId: 'not-an-id' })).toMatchObject({
      ok: false,
      fieldErrors: { customerId: ['Customer is not a valid id'] },
    })
    expect(writes()).toBe(0)
  })

  it('an unknown customer id the database refuses (foreign key) lands on the customer field', async () => {
    repositories.awardPoints.mockRejectedValue({ code: '23503', message: 'insert violates foreign key "loyalty_customer"' })
    const result = await awardPointsAction({ customerId: unknownId, kind: 'bonus', points: 10, description: '' })
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { customerId: ['A linked record does not exist (or is not in your organization).'] },
    })
  })

  it('a duplicate invoice number is put on the number field, without leaking SQL', async () => {
    repositories.createInvoice.mockRejectedValue({ code: '23505', message: 'duplicate key value violates unique constraint "invoices_number_key"' })
    const result = await createInvoiceAction(invoice)
    expect(result).toEqual({
      ok: false,
      error: 'This invoice number is already used.',
      fieldErrors: { number: ['This invoice number is already used.'] },
    })
  })
})

describe('roles', () => {
  it('a technician trying office and admin actions is refused before any repository call', async () => {
    session.role = 'technician'
    const refused = { ok: false, error: 'Your role does not allow this action. Ask an owner or admin.' }
    expect(await scheduleJobAction(job)).toEqual(refused)
    expect(await createInvoiceAction(invoice)).toEqual(refused)
    expect(await awardPointsAction({ customerId, kind: 'bonus', points: 10, description: '' })).toEqual(refused)
    expect(await invitePortalUserAction({ customerId })).toEqual(refused)
    expect(repositories.getCustomer).not.toHaveBeenCalled()
    expect(writes()).toBe(0)
  })

  it('office staff may invoice and invite customers to the portal, but not revoke a login', async () => {
    expect(await createInvoiceAction(invoice)).toMatchObject({ ok: true })
    expect(await revokePortalAccessAction({ customerId })).toMatchObject({ ok: false, error: /role does not allow/ })
    expect(repositories.revokePortalAccess).not.toHaveBeenCalled()
    session.role = 'technician'
    expect(await invitePortalUserAction({ customerId })).toMatchObject({ ok: false, error: /role does not allow/ })
    expect(repositories.provisionPortalUser).not.toHaveBeenCalled()
  })

  it('a signed-out call is refused', async () => {
    session.signedIn = false
    expect(await scheduleJobAction(job)).toEqual({ ok: false, error: 'Your session has ended. Sign in again.' })
    expect(writes()).toBe(0)
  })

  it('a valid call by the right role writes once, with the staff member’s organization', async () => {
    const result = await scheduleJobAction(job)
    expect(result.ok).toBe(true)
    expect(repositories.createJob).toHaveBeenCalledTimes(1)
    expect(repositories.createJob.mock.calls[0]?.[1]).toMatchObject({ organization_id: 'org-1', customer_id: customerId, status: 'scheduled' })
  })
})

describe('job status', () => {
  const jobId = '50000000-0000-4000-8000-000000000099'
  const assigned = { id: jobId, customer_id: customerId, technician_id: 'staff-1', status: 'in_progress' }

  it('a technician completes their own job sending only the status (the database stamps completed_at)', async () => {
    session.role = 'technician'
    repositories.getJob.mockResolvedValue(assigned)
    repositories.updateJob.mockImplementation(async (_c: unknown, id: string, patch: object) => ({ ...assigned, id, ...patch }))
    expect(await changeJobStatusAction({ jobId, status: 'completed' })).toMatchObject({ ok: true })
    expect(repositories.updateJob).toHaveBeenCalledWith(expect.anything(), jobId, { status: 'completed' })
  })

  it("a technician may not cancel, nor touch a colleague's job", async () => {
    session.role = 'technician'
    repositories.getJob.mockResolvedValue({ ...assigned, status: 'scheduled' })
    expect(await changeJobStatusAction({ jobId, status: 'cancelled', reason: 'Sick' })).toMatchObject({ ok: false, error: /role does not allow/ })
    repositories.getJob.mockResolvedValue({ ...assigned, technician_id: 'staff-2' })
    expect(await changeJobStatusAction({ jobId, status: 'completed' })).toMatchObject({ ok: false, error: /role does not allow/ })
    expect(repositories.updateJob).not.toHaveBeenCalled()
  })

  it('office staff cancel with the reason; a backwards move is refused on the status field', async () => {
    repositories.getJob.mockResolvedValue({ ...assigned, status: 'scheduled' })
    repositories.updateJob.mockImplementation(async (_c: unknown, id: string, patch: object) => ({ ...assigned, id, ...patch }))
    expect(await changeJobStatusAction({ jobId, status: 'cancelled', reason: 'Customer moved' })).toMatchObject({ ok: true })
    expect(repositories.updateJob).toHaveBeenCalledWith(expect.anything(), jobId, { status: 'cancelled', cancellation_reason: 'Customer moved' })
    repositories.getJob.mockResolvedValue({ ...assigned, status: 'completed' })
    expect(await changeJobStatusAction({ jobId, status: 'scheduled' })).toMatchObject({
      ok: false,
      fieldErrors: { status: ['Not allowed from the current status'] },
    })
  })
})

describe('team, settings and catalogue roles', () => {
  const calls = () =>
    [
      repositories.inviteStaffMember,
      repositories.updateOrganization,
      repositories.createService,
      repositories.createReward,
      repositories.createCustomer,
    ].reduce((n, fn) => n + fn.mock.calls.length, 0)
  const settings = {
    name: 'Dirt Free',
    timezone: 'America/Chicago',
    countryCode: 'US',
    currency: 'USD',
    email: '',
    cancellationNoticeHours: 24,
    // Ticked boxes send "on"; unticked ones send nothing.
    customersMayConfirm: 'on',
    customersMayReschedule: undefined,
    customersMayCancel: undefined,
    techniciansAddCustomLines: undefined,
    pointsPerDollar: 1,
    pointsPerJob: 0,
  }
  const attempts = () => [
    inviteStaffAction({ fullName: 'New Tech', email: 'new@example.test', role: 'technician' }),
    updateSettingsAction(settings),
    createServiceAction({ name: 'AC tune-up', basePriceCents: '149', durationMinutes: 60, taxable: 'on' }),
    createRewardAction({ name: 'Free filter', pointsCost: 100 }),
    hideChecklistAction({}),
  ]

  it('office staff and technicians are refused every one of them before any repository call', async () => {
    for (const role of ['office', 'technician']) {
      session.role = role
      for (const result of await Promise.all(attempts())) expect(result).toMatchObject({ ok: false, error: /role does not allow/ })
    }
    expect(calls()).toBe(0)
  })

  it('owners and admins get through to the repositories, with their organization', async () => {
    repositories.inviteStaffMember.mockResolvedValue({ id: 's-2', email: 'new@example.test' })
    repositories.updateOrganization.mockResolvedValue({ id: 'org-1' })
    repositories.createService.mockResolvedValue({ id: 'svc-1', name: 'AC tune-up' })
    repositories.createReward.mockResolvedValue({ id: 'r-1', name: 'Free filter' })
    for (const role of ['owner', 'admin']) {
      session.role = role
      for (const result of await Promise.all(attempts())) expect(result).toMatchObject({ ok: true })
    }
    expect(repositories.createService).toHaveBeenCalledWith(expect.anything(), {
      organizationId: 'org-1',
      name: 'AC tune-up',
      basePriceCents: 14_900,
      unit: 'each',
      durationMinutes: 60,
      taxable: true,
    })
    expect(repositories.updateOrganization).toHaveBeenCalledWith(
      expect.anything(),
      'org-1',
      expect.objectContaining({ customers_may_confirm: true, customers_may_reschedule: false, customers_may_cancel: false }),
    )
  })

  it('technicians may not add customers; office staff may', async () => {
    // What the form sends: every field, empty when left blank.
    const tess = {
      first_name: 'Tess',
      last_name: 'New',
      email: '',
      phone: '',
      address_line1: '',
      address_line2: '',
      city: '',
      region: '',
      postal_code: '',
    }
    session.role = 'technician'
    expect(await createCustomerAction(tess)).toMatchObject({ ok: false, error: /role does not allow/ })
    expect(calls()).toBe(0)
    session.role = 'office'
    repositories.createCustomer.mockResolvedValue({ id: 'c-9', first_name: 'Tess', last_name: 'New' })
    expect(await createCustomerAction(tess)).toMatchObject({ ok: true })
    expect(repositories.createCustomer).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ organization_id: 'org-1', first_name: 'Tess', email: null }),
    )
  })
})

describe('new customer: duplicates, the main property, the first note, merging', () => {
  const dana = {
    first_name: 'Dana',
    last_name: 'Reed',
    email: 'ALICE@example.com',
    phone: '',
    address_line1: '707 E Oltorf St',
    address_line2: '',
    city: 'Austin',
    region: 'TX',
    postal_code: '78704',
    tags: [' VIP ', 'Pets'],
    source: 'Yelp',
    access_notes: 'Gate code 4321',
    note: 'Prefers mornings',
  }
  const match = { id: customerId, first_name: 'Alice', last_name: 'Johnson', email: 'alice@example.com', phone: null, archived_at: null }

  beforeEach(() => {
    repositories.createCustomer.mockImplementation(async (_c: unknown, row: object) => ({ id: 'c-new', ...row }))
    repositories.createProperty.mockImplementation(async (_c: unknown, row: object) => ({ id: 'p-new', ...row }))
    repositories.addCustomerNote.mockResolvedValue({ id: 'n-1' })
  })

  it('answers with the possible duplicates and saves nothing', async () => {
    repositories.findDuplicateCustomers.mockResolvedValue([match])
    const result = await createCustomerAction(dana)
    expect(result).toEqual({
      ok: true,
      data: { status: 'duplicates', matches: [{ id: customerId, first_name: 'Alice', last_name: 'Johnson', email: 'alice@example.com', phone: null, archived: false }] },
    })
    expect(repositories.createCustomer).not.toHaveBeenCalled()
  })

  it('creates anyway when asked: tags tidied, the main property (made by the database) gets the access notes, the note', async () => {
    repositories.findDuplicateCustomers.mockResolvedValue([match])
    repositories.listCustomerProperties.mockResolvedValue([{ id: 'p-main', label: 'Home', is_primary: true }])
    repositories.updateProperty.mockResolvedValue({ id: 'p-main' })
    const result = await createCustomerAction({ ...dana, allowDuplicate: true })
    expect(result).toMatchObject({ ok: true, data: { status: 'created', warnings: [] } })
    expect(repositories.findDuplicateCustomers).not.toHaveBeenCalled()
    expect(repositories.createCustomer.mock.calls[0]?.[1]).toMatchObject({
      email: 'alice@example.com',
      tags: ['VIP', 'Pets'],
      source: 'Yelp',
      city: 'Austin',
      address_line1: '707 E Oltorf St',
    })
    expect(repositories.createProperty).not.toHaveBeenCalled()
    expect(repositories.updateProperty).toHaveBeenCalledWith({ user: true }, 'p-main', {
      label: 'Home',
      access_notes: 'Gate code 4321',
    })
    expect(repositories.addCustomerNote.mock.calls[0]?.[1]).toMatchObject({ customer_id: 'c-new', body: 'Prefers mornings', author_staff_id: 'staff-1' })
  })

  it('still reports the customer added when naming the property fails, saying what to do', async () => {
    repositories.findDuplicateCustomers.mockResolvedValue([])
    repositories.listCustomerProperties.mockResolvedValue([{ id: 'p-main', label: 'Home', is_primary: true }])
    repositories.updateProperty.mockRejectedValue({ code: '23514', message: 'check violated' })
    const result = await createCustomerAction(dana)
    expect(result).toMatchObject({ ok: true, data: { status: 'created', warnings: [expect.stringMatching(/Properties tab/)] } })
  })

  it('merges into an existing customer: fills the empty phone, adds tags and the new address, keeps the rest', async () => {
    repositories.getCustomer.mockResolvedValue({
      id: customerId,
      organization_id: 'org-1',
      first_name: 'Alice',
      last_name: 'Johnson',
      email: 'alice@example.com',
      phone: null,
      address_line1: '1204 Barton Hills Dr',
      address_line2: null,
      city: 'Austin',
      region: 'TX',
      postal_code: '78704',
      tags: ['vip'],
      source: 'Google',
    })
    repositories.listCustomerProperties.mockResolvedValue([
      { address_line1: '1204 Barton Hills Dr', city: 'Austin', postal_code: '78704', is_primary: true, archived_at: null },
    ])
    repositories.updateCustomer.mockImplementation(async (_c: unknown, id: string, patch: object) => ({ id, organization_id: 'org-1', ...patch }))
    const result = await createCustomerAction({ ...dana, phone: '512-555-0100', mergeInto: customerId })
    expect(result).toMatchObject({ ok: true, data: { status: 'merged', customer: { id: customerId } } })
    expect(repositories.createCustomer).not.toHaveBeenCalled()
    expect(repositories.updateCustomer.mock.calls[0]?.[2]).toEqual({ phone: '512-555-0100', tags: ['vip', 'Pets'] })
    expect(repositories.createProperty.mock.calls[0]?.[1]).toMatchObject({ customer_id: customerId, address_line1: '707 E Oltorf St', is_primary: false })
    expect(repositories.addCustomerNote).toHaveBeenCalledTimes(1)
  })
})
