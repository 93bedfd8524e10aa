'use server'

import { nullIfNotFound } from '@repo/actions/errors'
import { fail, ok } from '@repo/actions/result'
import {
  convertQuoteToInvoice,
  convertQuoteToJob,
  createQuote,
  deleteQuote,
  getCustomer,
  getQuote,
  listServices,
  type QuoteLineInput,
  setQuoteStatus,
  updateQuote,
} from '@repo/database/repositories'
import type { QuoteRow } from '@repo/database/types'
import { dayKey } from '@repo/domain/dates'
import { isQuoteEditable, quoteStatusLabel } from '@repo/domain/quotes'
import { staffAction } from '@/lib/staff-action.ts'
import { archivedCustomer, refuseWrongProperty } from '../properties/property-check.ts'
import { customerKey, unknownCustomer } from '../unknown-records.ts'
import { quoteCreateSchema, quoteIdSchema, quoteUpdateSchema } from './schema.ts'

/** What the forms and buttons need back: where the quote is and what became of it. */
type QuoteSummary = Pick<QuoteRow, 'id' | 'number' | 'status' | 'version' | 'customer_id'>
const summary = (q: QuoteSummary): QuoteSummary => ({
  id: q.id,
  number: q.number,
  status: q.status,
  version: q.version,
  customer_id: q.customer_id,
})

const quoteGone = () => fail('That quote no longer exists or is not visible to you.')
const pastValidUntil = () =>
  fail('Pick a valid-until day from today on.', { validUntil: ['Pick a day from today on (or leave it empty).'] })
const staleEdit = () =>
  fail('This quote changed since you opened it. Reload the page to see the latest version, then make your changes again.')

/** A line's service is checked against the business's own catalog by the database. */
const lineErrors = { codes: { P0002: 'A service on one of the lines is no longer in the catalog.' } }

/**
 * Lines whose service is not (or no longer) in the business's catalog, as field errors: checked
 * before an open quote's lines are rewritten, so a refused line cannot leave the quote without any.
 */
async function unknownServices(
  supabase: Parameters<typeof listServices>[0],
  organizationId: string,
  lines: ReadonlyArray<{ serviceId: string | null }>,
) {
  if (lines.every((l) => l.serviceId === null)) return null
  const known = new Set((await listServices(supabase, organizationId, { includeInactive: true })).map((s) => s.id))
  const bad = lines.flatMap((l, i) => (l.serviceId !== null && !known.has(l.serviceId) ? [i] : []))
  if (bad.length === 0) return null
  const message = 'This service is no longer in the catalog: add the line again.'
  return fail(message, Object.fromEntries(bad.map((i) => [`lines.${i}.description`, [message]])))
}

function isPast(day: string | null, timeZone: string): boolean {
  return day !== null && day < dayKey(new Date(), timeZone)
}

function quoteRow(input: {
  title: string
  validUntil: string | null
  depositPercent: number | null
  depositAmountCents: number | null
  notes: string | null
  terms: string | null
}) {
  return {
    title: input.title,
    valid_until: input.validUntil,
    deposit_percent: input.depositPercent,
    deposit_amount_cents: input.depositAmountCents,
    notes: input.notes,
    terms: input.terms,
  }
}

function lineRows(
  lines: ReadonlyArray<{
    serviceId: string | null
    description: string
    quantity: number
    unitPriceCents: number
    taxable: boolean
    taxRateBps: number
    optionGroup: string | null
    optional: boolean
  }>,
): QuoteLineInput[] {
  return lines.map((l) => ({
    service_id: l.serviceId,
    description: l.description,
    quantity: l.quantity,
    unit_price_cents: l.unitPriceCents,
    taxable: l.taxable,
    tax_rate_bps: l.taxable ? l.taxRateBps : 0,
    option_group: l.optionGroup,
    optional: l.optional,
    // The first line of each group is the customer's starting choice; optional lines start out.
    selected: !l.optional,
  }))
}

/**
 * A new quote, saved as a draft or sent at once. The form picks the quote's id, so submitting the
 * same form twice (a double click, a retry after a lost answer) returns the quote it already made.
 */
export const createQuoteAction = staffAction(
  {
    name: 'quotes.create',
    schema: quoteCreateSchema,
    role: 'quotes.manage',
    errors: { foreignKeys: customerKey, ...lineErrors },
    revalidate: ['/quotes'],
  },
  async ({ input, ctx: { supabase, organization }, revalidate }) => {
    let quote: QuoteSummary | null = await nullIfNotFound(getQuote(supabase, input.quoteId))
    if (!quote) {
      const customer = await nullIfNotFound(getCustomer(supabase, input.customerId))
      if (!customer) return unknownCustomer()
      if (customer.archived_at) return archivedCustomer()
      const wrongProperty = await refuseWrongProperty(supabase, customer.id, input.propertyId)
      if (wrongProperty) return wrongProperty
      if (isPast(input.validUntil, organization.timezone)) return pastValidUntil()
      try {
        quote = await createQuote(
          supabase,
          {
            id: input.quoteId,
            organization_id: organization.id,
            customer_id: customer.id,
            ...(input.propertyId ? { property_id: input.propertyId } : {}),
            ...quoteRow(input),
          },
          lineRows(input.lines),
        )
      } catch (error) {
        // Two submits at once: the second one meets the first one's id.
        if ((error as { code?: string }).code !== '23505') throw error
        quote = await getQuote(supabase, input.quoteId)
      }
    }
    if (input.send && quote.status === 'draft') quote = await setQuoteStatus(supabase, quote.id, 'sent')
    revalidate(`/customers/${quote.customer_id}`)
    return ok(summary(quote))
  },
)

/** Changes an open quote (a sent one becomes a new version), optionally sending a draft. */
export const updateQuoteAction = staffAction(
  { name: 'quotes.update', schema: quoteUpdateSchema, role: 'quotes.manage', errors: lineErrors, revalidate: ['/quotes'] },
  async ({ input, ctx: { supabase, organization }, revalidate }) => {
    const current = await nullIfNotFound(getQuote(supabase, input.quoteId))
    if (!current) return quoteGone()
    if (!isQuoteEditable(current.status)) {
      return fail(`Quote ${current.number} is ${quoteStatusLabel[current.status].toLowerCase()} and can no longer be changed.`)
    }
    // Someone saved a new version meanwhile (or changed the draft): do not overwrite it unseen.
    if (current.version !== input.version || (current.status === 'draft' && current.updated_at !== input.updatedAt)) {
      return staleEdit()
    }
    if (input.validUntil !== current.valid_until && isPast(input.validUntil, organization.timezone)) return pastValidUntil()
    const refused = await unknownServices(supabase, organization.id, input.lines)
    if (refused) return refused
    let quote: QuoteSummary = await updateQuote(supabase, current.id, quoteRow(input), lineRows(input.lines))
    if (input.send && quote.status === 'draft') quote = await setQuoteStatus(supabase, quote.id, 'sent')
    revalidate(`/quotes/${quote.id}`, `/customers/${quote.customer_id}`)
    return ok(summary(quote))
  },
)

/** Sends a draft: the customer sees it in the portal from now on. */
export const sendQuoteAction = staffAction(
  { name: 'quotes.send', schema: quoteIdSchema, role: 'quotes.manage', revalidate: ['/quotes'] },
  async ({ input, ctx: { supabase, organization }, revalidate }) => {
    const quote = await nullIfNotFound(getQuote(supabase, input.quoteId))
    if (!quote) return quoteGone()
    if (quote.status !== 'draft') return fail(`Quote ${quote.number} has already been sent.`)
    if (isPast(quote.valid_until, organization.timezone)) {
      return fail('Its valid-until day has passed: edit the quote and pick a later day before sending it.')
    }
    const sent = await setQuoteStatus(supabase, quote.id, 'sent')
    revalidate(`/quotes/${quote.id}`, `/customers/${quote.customer_id}`)
    return ok(summary(sent))
  },
)

/** Deletes a draft (the database keeps every quote that was sent). */
export const deleteQuoteAction = staffAction(
  { name: 'quotes.delete', schema: quoteIdSchema, role: 'quotes.manage', revalidate: ['/quotes'] },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const quote = await nullIfNotFound(getQuote(supabase, input.quoteId))
    if (!quote) return quoteGone()
    if (quote.status !== 'draft') return fail(`Quote ${quote.number} was sent, so it stays on record.`)
    await deleteQuote(supabase, quote.id)
    revalidate(`/customers/${quote.customer_id}`)
    return ok(summary(quote))
  },
)

/** An approved quote becomes a job waiting to be scheduled. */
export const convertQuoteToJobAction = staffAction(
  {
    name: 'quotes.convert_to_job',
    schema: quoteIdSchema,
    role: 'quotes.manage',
    errors: { unique: { message: 'This quote already has a job.' }, codes: { P0002: 'That quote no longer exists or is not visible to you.' } },
    revalidate: ['/quotes', '/jobs'],
  },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const job = await convertQuoteToJob(supabase, input.quoteId)
    revalidate(`/quotes/${input.quoteId}`, `/customers/${job.customer_id}`)
    return ok({ id: job.id, title: job.title, customerId: job.customer_id })
  },
)

/** An approved quote becomes a draft invoice with the chosen lines; a paid deposit counts toward it. */
export const convertQuoteToInvoiceAction = staffAction(
  {
    name: 'quotes.create_invoice',
    schema: quoteIdSchema,
    role: 'quotes.manage',
    errors: { unique: { message: 'This quote already has an invoice.' }, codes: { P0002: 'That quote no longer exists or is not visible to you.' } },
    revalidate: ['/quotes', '/invoices'],
  },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const invoice = await convertQuoteToInvoice(supabase, input.quoteId)
    revalidate(`/quotes/${input.quoteId}`, `/customers/${invoice.customer_id}`)
    return ok({ id: invoice.id, number: invoice.number })
  },
)
