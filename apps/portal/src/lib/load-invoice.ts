import 'server-only'
import { getInvoice } from '@repo/database/repositories'
import { isInvoiceVisibleToCustomer } from '@repo/domain/invoices'
import { notFound } from 'next/navigation'
import { loadOrNotFound } from './load-or-not-found'
import { requirePortalSession } from './portal-session'

/** The signed-in customer's sent invoice, or a 404 for anything else (drafts, others', bad ids). */
export async function loadCustomerInvoice(id: string) {
  const session = await requirePortalSession()
  const invoice = await loadOrNotFound(() => getInvoice(session.supabase, id))
  if (invoice.customer_id !== session.customer.id || !isInvoiceVisibleToCustomer(invoice.status)) notFound()
  return { invoice, organization: session.organization }
}
