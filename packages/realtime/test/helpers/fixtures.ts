import { randomUUID } from 'node:crypto'
import type { InvoiceRow, JobRow, LoyaltyTransactionRow, MessageRow } from '@repo/database/types'
import { clientForUser, sql } from './stack.ts'

function firstRow<T>(row: T | undefined): T {
  if (!row) throw new Error('the insert returned no row')
  return row
}

let counter = 0
const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${process.pid}-${++counter}`

export async function createUser(prefix = 'user'): Promise<{ id: string; email: string }> {
  const id = randomUUID()
  const email = `${unique(prefix)}@example.test`
  await sql(
    `insert into auth.users (id, email, aud, role, email_confirmed_at) values ($1, $2, 'authenticated', 'authenticated', now())`,
    [id, email],
  )
  return { id, email }
}

export interface World {
  organizationId: string
  staff: { id: string; userId: string; email: string }
  customer: { id: string; userId: string; email: string }
  otherCustomer: { id: string; userId: string; email: string }
}

/** An organization with one staff member and two customers with portal logins. */
export async function createWorld(): Promise<World> {
  const slug = unique('org').toLowerCase()
  const [org] = await sql<{ id: string }>(
    `insert into public.organizations (name, slug) values ($1, $2) returning id`,
    ['Dirt Free Test', slug],
  )
  const organizationId = org?.id ?? ''
  const staffUser = await createUser('staff')
  const [staff] = await sql<{ id: string }>(
    `insert into public.staff_members (organization_id, user_id, full_name, email, role) values ($1, $2, 'Olivia Owner', $3, 'owner') returning id`,
    [organizationId, staffUser.id, staffUser.email],
  )
  const makeCustomer = async (name: string) => {
    const user = await createUser(name)
    const [row] = await sql<{ id: string }>(
      `insert into public.customers (organization_id, portal_user_id, first_name, last_name, email, notification_preferences)
       values ($1, $2, $3, 'Test', $4, '{}'::jsonb) returning id`,
      [organizationId, user.id, name, user.email],
    )
    return { id: row?.id ?? '', userId: user.id, email: user.email }
  }
  return {
    organizationId,
    staff: { id: staff?.id ?? '', userId: staffUser.id, email: staffUser.email },
    customer: await makeCustomer('alice'),
    otherCustomer: await makeCustomer('bob'),
  }
}

export const customerClient = (world: World) =>
  clientForUser(world.customer.userId, world.customer.email)
export const otherCustomerClient = (world: World) =>
  clientForUser(world.otherCustomer.userId, world.otherCustomer.email)
export const staffClient = (world: World) => clientForUser(world.staff.userId, world.staff.email)

export async function insertJob(
  world: World,
  customerId: string,
  title = 'Carpet clean',
): Promise<JobRow> {
  const [row] = await sql<JobRow>(
    `insert into public.jobs (organization_id, customer_id, title, scheduled_start, scheduled_end)
     values ($1, $2, $3, now() + interval '2 days', now() + interval '2 days 2 hours') returning *`,
    [world.organizationId, customerId, title],
  )
  return firstRow(row)
}

export async function setJobStatus(jobId: string, status: JobRow['status']): Promise<void> {
  await sql(`update public.jobs set status = $2 where id = $1`, [jobId, status])
}

export async function insertInvoice(
  world: World,
  customerId: string,
  status: InvoiceRow['status'] = 'sent',
): Promise<InvoiceRow> {
  const [row] = await sql<InvoiceRow>(
    `insert into public.invoices (organization_id, customer_id, status, subtotal_cents, tax_cents, total_cents, issued_at, due_at)
     values ($1, $2, $3, 10000, 800, 10800, now(), now() + interval '14 days') returning *`,
    [world.organizationId, customerId, status],
  )
  return firstRow(row)
}

export async function insertMessage(
  world: World,
  customerId: string,
  body: string,
  sender: MessageRow['sender_type'] = 'staff',
): Promise<MessageRow> {
  const [row] = await sql<MessageRow>(
    `insert into public.messages (organization_id, customer_id, sender_type, body) values ($1, $2, $3, $4) returning *`,
    [world.organizationId, customerId, sender, body],
  )
  return firstRow(row)
}

export async function insertPoints(
  world: World,
  customerId: string,
  points: number,
  kind: LoyaltyTransactionRow['kind'] = 'bonus',
): Promise<LoyaltyTransactionRow> {
  const [row] = await sql<LoyaltyTransactionRow>(
    `insert into public.loyalty_transactions (organization_id, customer_id, points, kind, description) values ($1, $2, $3, $4, 'Test points') returning *`,
    [world.organizationId, customerId, points, kind],
  )
  return firstRow(row)
}
