import type {
  Client,
  InvoiceLineItemRow,
  InvoiceRow,
  InvoiceStatus,
  RowInsert,
  RowUpdate,
} from '../types.ts'
import { check, unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid, pageRange } from './validate.ts'

export type InvoiceWithLineItems = InvoiceRow & { invoice_line_items: InvoiceLineItemRow[] }

/** A customer's invoices, newest first. */
export async function listCustomerInvoices(
  client: Client,
  customerId: string,
): Promise<InvoiceRow[]> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client
    .from('invoices')
    .select('*')
    .eq('customer_id', id)
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
  return unwrap(result, 'listing customer invoices')
}

export interface ListInvoicesOptions {
  organizationId?: string
  status?: InvoiceStatus | InvoiceStatus[]
  limit?: number
  offset?: number
}

export async function listInvoices(
  client: Client,
  options: ListInvoicesOptions = {},
): Promise<InvoiceRow[]> {
  const range = pageRange(options.limit, options.offset)
  let query = client.from('invoices').select('*')
  if (options.organizationId)
    query = query.eq('organization_id', assertUuid(options.organizationId, 'organizationId'))
  if (Array.isArray(options.status)) query = query.in('status', options.status)
  else if (options.status) query = query.eq('status', options.status)
  const result = await query
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .range(range.from, range.to)
  return unwrap(result, 'listing invoices')
}

/** One invoice with its line items in order. */
export async function getInvoice(client: Client, invoiceId: string): Promise<InvoiceWithLineItems> {
  const id = assertUuid(invoiceId, 'invoiceId')
  const result = await client
    .from('invoices')
    .select('*, invoice_line_items(*)')
    .eq('id', id)
    .order('position', { referencedTable: 'invoice_line_items', ascending: true })
    .maybeSingle()
  return unwrapOne(result, 'loading invoice', 'invoice', id) as InvoiceWithLineItems
}

export interface LineItemInput {
  description: string
  quantity: number
  unit_price_cents: number
}

function checkLineItems(items: readonly LineItemInput[]) {
  items.forEach((item, index) => {
    if (!item.description?.trim())
      throw new ValidationError(`lineItems.${index}.description`, 'must not be empty')
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      throw new ValidationError(
        `lineItems.${index}.quantity`,
        'must be a whole number of at least 1',
      )
    }
    if (typeof item.unit_price_cents !== 'number' || !Number.isInteger(item.unit_price_cents)) {
      throw new ValidationError(`lineItems.${index}.unit_price_cents`, 'must be whole cents')
    }
  })
}

/**
 * Creates an invoice and its line items. Totals are computed here in integer cents; if the line
 * items cannot be written the invoice is removed again, so a failure leaves nothing behind.
 */
export async function createInvoice(
  client: Client,
  input: Omit<RowInsert<'invoices'>, 'subtotal_cents' | 'total_cents'>,
  lineItems: readonly LineItemInput[] = [],
): Promise<InvoiceWithLineItems> {
  assertUuid(input.organization_id, 'organization_id')
  assertUuid(input.customer_id, 'customer_id')
  if (input.number !== undefined && !input.number.trim())
    throw new ValidationError('number', 'must not be empty')
  checkLineItems(lineItems)
  const subtotal = lineItems.reduce((sum, item) => sum + item.quantity * item.unit_price_cents, 0)
  const tax = input.tax_cents ?? 0
  if (!Number.isInteger(tax) || tax < 0)
    throw new ValidationError('tax_cents', 'must be whole cents, 0 or more')
  const created = await client
    .from('invoices')
    .insert({ ...input, subtotal_cents: subtotal, tax_cents: tax, total_cents: subtotal + tax })
    .select('*')
    .single()
  const invoice: InvoiceRow = unwrap(created, 'creating invoice')
  if (lineItems.length > 0) {
    const rows = lineItems.map((item, position) => ({
      invoice_id: invoice.id,
      description: item.description,
      quantity: item.quantity ?? 1,
      unit_price_cents: item.unit_price_cents,
      amount_cents: item.quantity * item.unit_price_cents,
      position,
    }))
    const inserted = await client.from('invoice_line_items').insert(rows)
    if (inserted.error) {
      await client.from('invoices').delete().eq('id', invoice.id)
      check(inserted, 'adding invoice line items')
    }
  }
  return getInvoice(client, invoice.id)
}

export async function updateInvoice(
  client: Client,
  invoiceId: string,
  patch: RowUpdate<'invoices'>,
): Promise<InvoiceRow> {
  const id = assertUuid(invoiceId, 'invoiceId')
  const result = await client.from('invoices').update(patch).eq('id', id).select('*').maybeSingle()
  return unwrapOne(result, 'updating invoice', 'invoice', id)
}

export function updateInvoiceStatus(
  client: Client,
  invoiceId: string,
  status: InvoiceStatus,
): Promise<InvoiceRow> {
  return updateInvoice(client, invoiceId, { status })
}

/** Records payment now (or at `paidAt`). */
export function markInvoicePaid(
  client: Client,
  invoiceId: string,
  paidAt = new Date(),
): Promise<InvoiceRow> {
  return updateInvoice(client, invoiceId, { status: 'paid', paid_at: paidAt.toISOString() })
}

/** Flags every sent invoice past its due date as overdue; returns how many changed. */
export async function markOverdueInvoices(client: Client): Promise<number> {
  const result = await client.rpc('mark_overdue_invoices')
  return Number(unwrap(result, 'marking overdue invoices'))
}
