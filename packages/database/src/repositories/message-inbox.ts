import type { Client, CustomerRow, MessageRow } from '../types.ts'
import { unwrap } from './errors.ts'
import { assertUuid } from './validate.ts'

export interface InboxThread {
  customer: Pick<CustomerRow, 'id' | 'first_name' | 'last_name' | 'email'>
  lastMessage: MessageRow
  /** Customer messages staff have not read yet. */
  unread: number
}

/** Threads across an organization's customers: unread threads first, then most recent. */
export async function listInboxThreads(
  client: Client,
  organizationId: string,
  scan = 1000,
): Promise<InboxThread[]> {
  const org = assertUuid(organizationId, 'organizationId')
  const messages = unwrap(
    await client
      .from('messages')
      .select('*')
      .eq('organization_id', org)
      .is('deleted_at', null)
      .order('created_at', { ascending: false })
      .limit(scan),
    'listing inbox',
  )
  const byCustomer = new Map<string, { lastMessage: MessageRow; unread: number }>()
  for (const m of messages) {
    const entry = byCustomer.get(m.customer_id) ?? { lastMessage: m, unread: 0 }
    if (m.sender_type === 'customer' && m.read_at === null) entry.unread += 1
    byCustomer.set(m.customer_id, entry)
  }
  if (byCustomer.size === 0) return []
  const customers = unwrap(
    await client
      .from('customers')
      .select('id, first_name, last_name, email')
      .in('id', [...byCustomer.keys()]),
    'loading inbox customers',
  )
  const threads: InboxThread[] = []
  for (const customer of customers) {
    const entry = byCustomer.get(customer.id)
    if (entry) threads.push({ customer, ...entry })
  }
  return threads.sort(
    (a, b) =>
      Number(b.unread > 0) - Number(a.unread > 0) ||
      b.lastMessage.created_at.localeCompare(a.lastMessage.created_at),
  )
}
