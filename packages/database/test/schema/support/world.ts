import { randomUUID } from 'node:crypto'
import { anonPersona, type Persona, servicePersona, userPersona } from './personas.ts'
import { sql, unique } from './stack.ts'

/**
 * Two organizations with every kind of caller: org 1 has an owner, admin, office clerk and
 * technician, customers A and B with portal logins and C without; org 2 has its own owner and
 * customer. Plus a signed-in user linked to nothing, anon and the service role.
 */
export interface World {
  org1: string
  org2: string
  staff: { owner: string; admin: string; office: string; tech: string; owner2: string }
  customerA: string
  customerB: string
  customerC: string
  customerOrg2: string
  service: string
  jobA: string
  jobB: string
  invoiceA: string
  draftInvoiceA: string
  lineItemA: string
  staffMessageA: string
  customerMessageB: string
  reward: string
  loyaltyA: string
  noteA: string
  personas: {
    customerA: Persona
    customerB: Persona
    unlinked: Persona
    owner: Persona
    admin: Persona
    office: Persona
    tech: Persona
    otherOrgOwner: Persona
    anon: Persona
    service: Persona
  }
}

export async function insertRow(table: string, values: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(values)
  const rows = await sql<{ id: string }>(
    `insert into public.${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})
     values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    Object.values(values),
  )
  return (rows[0] as { id: string }).id
}

/** Test tables and columns are fixed names from this suite; quoting keeps them exact. */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier ${name}`)
  return `"${name}"`
}

export async function createOrganization(name = 'Org'): Promise<string> {
  return insertRow('organizations', { name, slug: unique('org') })
}

export async function createStaff(
  org: string,
  userId: string | null,
  role: string,
): Promise<string> {
  return insertRow('staff_members', {
    organization_id: org,
    user_id: userId,
    full_name: `${role} person`,
    role,
  })
}

export async function createCustomer(
  org: string,
  portalUserId: string | null,
  firstName = 'Cust',
): Promise<string> {
  return insertRow('customers', {
    organization_id: org,
    portal_user_id: portalUserId,
    first_name: firstName,
    last_name: 'Test',
    email: `${unique(firstName.toLowerCase())}@example.test`,
    address_line1: '1 Main St',
    city: 'Austin',
  })
}

/** A job starting `daysAhead` days from now (negative for the past). */
export async function createJob(
  org: string,
  customer: string,
  extra: Record<string, unknown> = {},
  daysAhead = 10,
): Promise<string> {
  const start = new Date(Date.now() + daysAhead * 86_400_000)
  const end = new Date(start.getTime() + 2 * 3_600_000)
  return insertRow('jobs', {
    organization_id: org,
    customer_id: customer,
    title: 'Carpet cleaning',
    scheduled_start: start.toISOString(),
    scheduled_end: end.toISOString(),
    price_cents: 15000,
    ...extra,
  })
}

export async function createInvoice(
  org: string,
  customer: string,
  status = 'sent',
): Promise<string> {
  return insertRow('invoices', {
    organization_id: org,
    customer_id: customer,
    status,
    due_at: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  })
}

export async function addPoints(
  org: string,
  customer: string,
  points: number,
  kind = 'bonus',
): Promise<string> {
  return insertRow('loyalty_transactions', {
    organization_id: org,
    customer_id: customer,
    points,
    kind,
  })
}

export async function createWorld(): Promise<World> {
  const [customerA, customerB, unlinked, owner, admin, office, tech, otherOrgOwner] =
    await Promise.all([
      userPersona('customer-a'),
      userPersona('customer-b'),
      userPersona('unlinked'),
      userPersona('owner'),
      userPersona('admin'),
      userPersona('office'),
      userPersona('tech'),
      userPersona('owner-2'),
    ])
  const org1 = await createOrganization('Org One')
  const org2 = await createOrganization('Org Two')
  const staff = {
    owner: await createStaff(org1, owner.userId, 'owner'),
    admin: await createStaff(org1, admin.userId, 'admin'),
    office: await createStaff(org1, office.userId, 'office'),
    tech: await createStaff(org1, tech.userId, 'technician'),
    owner2: await createStaff(org2, otherOrgOwner.userId, 'owner'),
  }
  const cA = await createCustomer(org1, customerA.userId, 'Alice')
  const cB = await createCustomer(org1, customerB.userId, 'Bob')
  const cC = await createCustomer(org1, null, 'Carol')
  const cD = await createCustomer(org2, null, 'Dora')
  const service = await insertRow('services', {
    organization_id: org1,
    name: unique('Service'),
    base_price_cents: 9900,
  })
  const jobA = await createJob(org1, cA, { technician_id: staff.tech, service_id: service })
  const jobB = await createJob(org1, cB)
  const invoiceA = await createInvoice(org1, cA, 'sent')
  const draftInvoiceA = await createInvoice(org1, cA, 'draft')
  const lineItemA = await insertRow('invoice_line_items', {
    invoice_id: invoiceA,
    description: 'Cleaning',
    quantity: 1,
    unit_price_cents: 15000,
  })
  const staffMessageA = await insertRow('messages', {
    organization_id: org1,
    customer_id: cA,
    sender_type: 'staff',
    sender_user_id: office.userId,
    body: 'Your appointment is booked.',
  })
  const customerMessageB = await insertRow('messages', {
    organization_id: org1,
    customer_id: cB,
    sender_type: 'customer',
    sender_user_id: customerB.userId,
    body: 'Question from Bob',
  })
  const reward = await insertRow('loyalty_rewards', {
    organization_id: org1,
    name: '$10 off',
    points_cost: 100,
  })
  const loyaltyA = await addPoints(org1, cA, 500)
  await addPoints(org1, cB, 500)
  const noteA = await insertRow('customer_notes', {
    organization_id: org1,
    customer_id: cA,
    body: 'Gate code 1234',
  })
  return {
    org1,
    org2,
    staff,
    customerA: cA,
    customerB: cB,
    customerC: cC,
    customerOrg2: cD,
    service,
    jobA,
    jobB,
    invoiceA,
    draftInvoiceA,
    lineItemA,
    staffMessageA,
    customerMessageB,
    reward,
    loyaltyA,
    noteA,
    personas: {
      customerA,
      customerB,
      unlinked,
      owner,
      admin,
      office,
      tech,
      otherOrgOwner,
      anon: anonPersona,
      service: servicePersona,
    },
  }
}

export const newId = () => randomUUID()
