import { z } from 'zod'
import type { Client, CustomerNoteRow, CustomerRow, RowInsert, RowUpdate } from '../types.ts'
import { unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid, pageRange, parseInput } from './validate.ts'

export interface ListCustomersOptions {
  organizationId?: string
  /**
   * Every word must appear in the name, e-mail or city; phone-like input also matches the phone's
   * digits (public.search_customers). Needs organizationId.
   */
  search?: string
  limit?: number
  offset?: number
}

/** Customers visible to the caller (staff: their organization), newest first. */
export async function listCustomers(
  client: Client,
  options: ListCustomersOptions = {},
): Promise<CustomerRow[]> {
  const { from, to } = pageRange(options.limit, options.offset)
  const org = options.organizationId ? assertUuid(options.organizationId, 'organizationId') : null
  const search = options.search?.trim()
  if (search && !org) throw new ValidationError('organizationId', 'is needed to search customers')
  let query =
    search && org
      ? client.rpc('search_customers', { p_organization_id: org, p_search: search })
      : client.from('customers').select('*')
  if (org) query = query.eq('organization_id', org)
  const result = await query
    .order('created_at', { ascending: false })
    // Customers created in one statement share created_at: the id keeps pages stable.
    .order('id', { ascending: true })
    .range(from, to)
  return unwrap(result, 'listing customers')
}

export async function getCustomer(client: Client, customerId: string): Promise<CustomerRow> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client.from('customers').select('*').eq('id', id).maybeSingle()
  return unwrapOne(result, 'loading customer', 'customer', id)
}

/** The signed-in portal user's own customer record, or null for anyone else. */
export async function getMyCustomer(client: Client): Promise<CustomerRow | null> {
  // The database knows who the token belongs to; this works for any way of signing in.
  const id = await client.rpc('my_customer_id')
  if (id.error) return unwrap(id, 'finding my customer record')
  if (!id.data) return null
  return getCustomer(client, id.data)
}

const createSchema = z.object({
  organization_id: z.uuid(),
  first_name: z.string().trim().min(1).max(100),
  last_name: z.string().trim().min(1).max(100),
  email: z.email().nullish(),
  phone: z.string().trim().max(40).nullish(),
})

export async function createCustomer(
  client: Client,
  input: RowInsert<'customers'>,
): Promise<CustomerRow> {
  parseInput(createSchema, input, 'customer')
  return unwrap(
    await client.from('customers').insert(input).select('*').single(),
    'creating customer',
  )
}

export async function updateCustomer(
  client: Client,
  customerId: string,
  patch: RowUpdate<'customers'>,
): Promise<CustomerRow> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client.from('customers').update(patch).eq('id', id).select('*').maybeSingle()
  return unwrapOne(result, 'updating customer', 'customer', id)
}

export async function deleteCustomer(client: Client, customerId: string): Promise<void> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client.from('customers').delete().eq('id', id).select('id').maybeSingle()
  unwrapOne(result, 'deleting customer', 'customer', id)
}

/** Staff-only internal notes about a customer, newest first. */
export async function listCustomerNotes(
  client: Client,
  customerId: string,
): Promise<CustomerNoteRow[]> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client
    .from('customer_notes')
    .select('*')
    .eq('customer_id', id)
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
  return unwrap(result, 'listing customer notes')
}

export async function addCustomerNote(
  client: Client,
  input: RowInsert<'customer_notes'>,
): Promise<CustomerNoteRow> {
  assertUuid(input.customer_id, 'customer_id')
  if (!input.body?.trim()) parseInput(z.string().min(1), '', 'body')
  return unwrap(
    await client.from('customer_notes').insert(input).select('*').single(),
    'adding customer note',
  )
}

/**
 * Customers of the organization with the same e-mail (any case) or the same phone digits (at least
 * 7), active ones first: "this looks like Alice Johnson" on the new-customer form.
 */
export async function findDuplicateCustomers(
  client: Client,
  organizationId: string,
  contact: { email?: string | null; phone?: string | null },
): Promise<CustomerRow[]> {
  const email = contact.email?.trim() ?? ''
  const phone = contact.phone?.trim() ?? ''
  if (email === '' && phone.replace(/\D/g, '').length < 7) return []
  const result = await client.rpc('find_duplicate_customers', {
    p_organization_id: assertUuid(organizationId, 'organizationId'),
    p_email: email,
    p_phone: phone,
  })
  return unwrap(result, 'looking for duplicate customers')
}

/**
 * Archives a customer (they leave the lists and take no new jobs or quotes; their history stays)
 * or restores them.
 */
export async function setCustomerArchived(
  client: Client,
  customerId: string,
  archived: boolean,
): Promise<CustomerRow> {
  return updateCustomer(client, customerId, {
    archived_at: archived ? new Date().toISOString() : null,
  })
}
