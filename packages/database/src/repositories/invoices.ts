import type {
  Client,
  InvoiceLineItemRow,
  InvoiceRow,
  InvoiceStatus,
  RowInsert,
  RowUpdate,
} from '../types.ts'
import { check, NotFoundError, unwrap, unwrapOne, ValidationError } from './errors.ts'
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
  service_id?: string | null
  /** Taxed at `tax_rate_bps` (basis points), by the database's one rule. */
  taxable?: boolean
  tax_rate_bps?: number
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
    const rate = item.tax_rate_bps ?? 0
    if (!Number.isInteger(rate) || rate < 0 || rate > 10_000)
      throw new ValidationError(`lineItems.${index}.tax_rate_bps`, 'must be whole basis points from 0 to 10000')
    if (item.service_id != null) assertUuid(item.service_id, `lineItems.${index}.service_id`)
  })
}

/**
 * Creates an invoice and its line items; the database computes every total (and applies the
 * customer's open credits to a draft). If the line items cannot be written the invoice is removed
 * again, so a failure leaves nothing behind.
 */
export async function createInvoice(
  client: Client,
  input: Omit<
    RowInsert<'invoices'>,
    'subtotal_cents' | 'tax_cents' | 'total_cents' | 'discount_cents' | 'amount_paid_cents' | 'tip_cents' | 'balance_cents'
  >,
  lineItems: readonly LineItemInput[] = [],
): Promise<InvoiceWithLineItems> {
  assertUuid(input.organization_id, 'organization_id')
  assertUuid(input.customer_id, 'customer_id')
  if (input.number !== undefined && !input.number.trim())
    throw new ValidationError('number', 'must not be empty')
  checkLineItems(lineItems)
  const created = await client.from('invoices').insert(input).select('*').single()
  const invoice: InvoiceRow = unwrap(created, 'creating invoice')
  if (lineItems.length > 0) {
    const rows = lineItems.map((item, position) => ({
      invoice_id: invoice.id,
      service_id: item.service_id ?? null,
      description: item.description,
      quantity: item.quantity ?? 1,
      unit_price_cents: item.unit_price_cents,
      taxable: item.taxable ?? false,
      tax_rate_bps: item.tax_rate_bps ?? 0,
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

/** Removes one line of an open invoice (a credit line goes back to the customer's credits). */
export async function deleteInvoiceLine(client: Client, lineId: string): Promise<void> {
  const id = assertUuid(lineId, 'lineId')
  const result = await client.from('invoice_line_items').delete().eq('id', id).select('id')
  const rows = unwrap(result, 'removing the invoice line')
  if (rows.length === 0) throw new NotFoundError('invoice line', id)
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

/** Flags every sent invoice past its due date as overdue; returns how many changed. */
export async function markOverdueInvoices(client: Client): Promise<number> {
  const result = await client.rpc('mark_overdue_invoices')
  return Number(unwrap(result, 'marking overdue invoices'))
}
