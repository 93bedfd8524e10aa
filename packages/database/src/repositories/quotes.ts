import type {
  Client,
  InvoiceRow,
  JobRow,
  QuoteLineItemRow,
  QuoteRow,
  QuoteSignatureRow,
  QuoteStatus,
  RowUpdate,
} from '../types.ts'
import { check, NotFoundError, rpcRow, unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid, pageRange } from './validate.ts'

export type QuoteWithLines = QuoteRow & {
  quote_line_items: QuoteLineItemRow[]
  quote_signatures: QuoteSignatureRow | null
}

export interface ListQuotesOptions {
  organizationId?: string
  customerId?: string
  status?: QuoteStatus | QuoteStatus[]
  limit?: number
  offset?: number
}

/** Quotes, newest first (customers see only their own sent ones, by RLS). */
export async function listQuotes(client: Client, options: ListQuotesOptions = {}): Promise<QuoteRow[]> {
  const range = pageRange(options.limit, options.offset)
  let query = client.from('quotes').select('*')
  if (options.organizationId) query = query.eq('organization_id', assertUuid(options.organizationId, 'organizationId'))
  if (options.customerId) query = query.eq('customer_id', assertUuid(options.customerId, 'customerId'))
  if (Array.isArray(options.status)) query = query.in('status', options.status)
  else if (options.status) query = query.eq('status', options.status)
  const result = await query
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .range(range.from, range.to)
  return unwrap(result, 'listing quotes')
}

/** One quote with its lines in order and, once approved, its signature. */
export async function getQuote(client: Client, quoteId: string): Promise<QuoteWithLines> {
  const id = assertUuid(quoteId, 'quoteId')
  const result = await client
    .from('quotes')
    .select('*, quote_line_items(*), quote_signatures(*)')
    .eq('id', id)
    .order('position', { referencedTable: 'quote_line_items', ascending: true })
    .order('created_at', { referencedTable: 'quote_line_items', ascending: true })
    .maybeSingle()
  return unwrapOne(result, 'loading the quote', 'quote', id) as QuoteWithLines
}

export interface QuoteLineInput {
  description: string
  quantity: number
  unit_price_cents: number
  service_id?: string | null
  taxable?: boolean
  tax_rate_bps?: number
  option_group?: string | null
  optional?: boolean
  selected?: boolean
}

export interface QuoteInput {
  title: string
  valid_until?: string | null
  deposit_percent?: number | null
  deposit_amount_cents?: number | null
  notes?: string | null
  terms?: string | null
}

function checkLines(lines: readonly QuoteLineInput[]) {
  if (lines.length === 0) throw new ValidationError('lines', 'must have at least one line')
  lines.forEach((line, index) => {
    if (!line.description?.trim()) throw new ValidationError(`lines.${index}.description`, 'must not be empty')
    if (!Number.isInteger(line.quantity) || line.quantity < 1)
      throw new ValidationError(`lines.${index}.quantity`, 'must be a whole number of at least 1')
    if (!Number.isInteger(line.unit_price_cents) || line.unit_price_cents < 0)
      throw new ValidationError(`lines.${index}.unit_price_cents`, 'must be whole cents, 0 or more')
    if (line.service_id != null) assertUuid(line.service_id, `lines.${index}.service_id`)
  })
}

function lineRows(quoteId: string, lines: readonly QuoteLineInput[]) {
  // Within a group the first pre-selected line is the default choice; optional lines start out.
  const chosenGroups = new Set<string>()
  return lines.map((line, position) => {
    const group = line.option_group?.trim() || null
    let selected = line.selected ?? true
    if (group !== null) {
      selected = selected && !chosenGroups.has(group)
      if (selected) chosenGroups.add(group)
    }
    return {
      quote_id: quoteId,
      service_id: line.service_id ?? null,
      description: line.description.trim(),
      quantity: line.quantity,
      unit_price_cents: line.unit_price_cents,
      taxable: line.taxable ?? false,
      tax_rate_bps: line.tax_rate_bps ?? 0,
      option_group: group,
      optional: group === null && (line.optional ?? false),
      selected: line.optional && group === null ? (line.selected ?? false) : selected,
      position,
    }
  })
}

/**
 * Writes a draft quote and its lines; if the lines fail, the quote is removed again. An `id` chosen
 * by the caller makes a repeated submit fail on the primary key instead of writing a second quote.
 */
export async function createQuote(
  client: Client,
  input: QuoteInput & { id?: string; organization_id: string; customer_id: string },
  lines: readonly QuoteLineInput[],
): Promise<QuoteWithLines> {
  if (input.id !== undefined) assertUuid(input.id, 'id')
  assertUuid(input.organization_id, 'organization_id')
  assertUuid(input.customer_id, 'customer_id')
  if (!input.title.trim()) throw new ValidationError('title', 'must not be empty')
  checkLines(lines)
  const created = await client
    .from('quotes')
    .insert({ ...input, title: input.title.trim() })
    .select('*')
    .single()
  const quote = unwrap(created, 'creating the quote')
  const inserted = await client.from('quote_line_items').insert(lineRows(quote.id, lines))
  if (inserted.error) {
    await client.from('quotes').delete().eq('id', quote.id)
    check(inserted, 'adding the quote lines')
  }
  return getQuote(client, quote.id)
}

/**
 * Rewrites a quote that is still open (draft, sent or viewed), fields and lines in one
 * transaction (`revise_quote`): a sent quote becomes exactly one new version, which the customer
 * must approve as such.
 */
export async function updateQuote(
  client: Client,
  quoteId: string,
  input: QuoteInput,
  lines: readonly QuoteLineInput[],
): Promise<QuoteWithLines> {
  const id = assertUuid(quoteId, 'quoteId')
  if (!input.title.trim()) throw new ValidationError('title', 'must not be empty')
  checkLines(lines)
  const fields = {
    title: input.title.trim(),
    valid_until: input.valid_until ?? null,
    deposit_percent: input.deposit_percent ?? null,
    deposit_amount_cents: input.deposit_amount_cents ?? null,
    notes: input.notes ?? null,
    terms: input.terms ?? null,
  }
  const rows = lineRows(id, lines).map(({ quote_id: _quote, ...line }) => line)
  const result = await client.rpc('revise_quote', { p_quote_id: id, p_quote: fields, p_lines: rows })
  rpcRow(unwrap(result, 'updating the quote'), 'revise_quote')
  return getQuote(client, id)
}

export async function setQuoteStatus(
  client: Client,
  quoteId: string,
  status: Extract<QuoteStatus, 'sent' | 'expired'>,
): Promise<QuoteRow> {
  const id = assertUuid(quoteId, 'quoteId')
  const patch: RowUpdate<'quotes'> = { status }
  const result = await client.from('quotes').update(patch).eq('id', id).select('*').maybeSingle()
  return unwrapOne(result, 'updating the quote', 'quote', id)
}

/** Deletes a draft (sent quotes stay on record). */
export async function deleteQuote(client: Client, quoteId: string): Promise<void> {
  const id = assertUuid(quoteId, 'quoteId')
  const rows = unwrap(await client.from('quotes').delete().eq('id', id).select('id'), 'deleting the quote')
  if (rows.length === 0) throw new NotFoundError('quote', id)
}

/** The customer opened it: staff see "viewed". */
export async function markQuoteViewed(client: Client, quoteId: string): Promise<QuoteRow> {
  const result = await client.rpc('mark_quote_viewed', { p_quote_id: assertUuid(quoteId, 'quoteId') })
  return rpcRow(unwrap(result, 'opening the quote'), 'mark_quote_viewed')
}

export interface ApproveQuoteInput {
  quoteId: string
  version: number
  selectedLineIds: readonly string[]
  signerName: string
  signaturePng: string
}

/** The customer approves the version they read, with their choices and e-signature. */
export async function approveQuote(client: Client, input: ApproveQuoteInput): Promise<QuoteRow> {
  const result = await client.rpc('approve_quote', {
    p_quote_id: assertUuid(input.quoteId, 'quoteId'),
    p_version: input.version,
    p_selected_line_ids: input.selectedLineIds.map((id, i) => assertUuid(id, `selectedLineIds.${i}`)),
    p_signer_name: input.signerName,
    p_signature_png: input.signaturePng,
  })
  return rpcRow(unwrap(result, 'approving the quote'), 'approve_quote')
}

export async function declineQuote(client: Client, quoteId: string, reason: string): Promise<QuoteRow> {
  const result = await client.rpc('decline_quote', { p_quote_id: assertUuid(quoteId, 'quoteId'), p_reason: reason })
  return rpcRow(unwrap(result, 'declining the quote'), 'decline_quote')
}

/** An approved quote becomes a job waiting to be scheduled. */
export async function convertQuoteToJob(client: Client, quoteId: string): Promise<JobRow> {
  const result = await client.rpc('convert_quote_to_job', { p_quote_id: assertUuid(quoteId, 'quoteId') })
  return rpcRow(unwrap(result, 'making a job of the quote'), 'convert_quote_to_job')
}

/** An approved quote becomes a draft invoice with the chosen lines; its deposit counts as paid. */
export async function convertQuoteToInvoice(client: Client, quoteId: string): Promise<InvoiceRow> {
  const result = await client.rpc('convert_quote_to_invoice', { p_quote_id: assertUuid(quoteId, 'quoteId') })
  return rpcRow(unwrap(result, 'invoicing the quote'), 'convert_quote_to_invoice')
}
