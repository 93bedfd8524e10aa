import type { Client, CustomerCreditRow } from '../types.ts'
import { unwrap } from './errors.ts'
import { assertUuid } from './validate.ts'

export type CreditWithInvoice = CustomerCreditRow & { invoices: { id: string; number: string; status: string } | null }

/** A customer's credits from redeemed rewards, newest first, with the invoice each went to. */
export async function listCustomerCredits(client: Client, customerId: string): Promise<CreditWithInvoice[]> {
  const result = await client
    .from('customer_credits')
    .select('*, invoices(id, number, status)')
    .eq('customer_id', assertUuid(customerId, 'customerId'))
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
  return unwrap(result, 'listing credits') as CreditWithInvoice[]
}
