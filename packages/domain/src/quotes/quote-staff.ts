// What staff see and do with a quote in the CRM: the actions its state allows, its lines as the
// customer chooses among them, its timeline, the totals the database will store while staff type,
// and the wording of the CRM's toasts.
import type { QuoteLineItemRow, QuoteRow } from '@repo/database/types'
import { formatDayKeyDate } from '../dates/day-keys.ts'
import { formatCents } from '../money/format-cents.ts'
import type { PricedLine, Totals } from '../money/tax.ts'
import { choiceTotals, initialChoice, type QuoteLineChoice } from './quote-options.ts'
import { isQuoteEditable, type QuoteStatus } from './quote-status.ts'

export type QuoteStaffAction = 'edit' | 'send' | 'delete' | 'convert_to_job' | 'create_invoice'

/** What staff may do with a quote now (the database checks the same when they do it). */
export function quoteStaffActions(quote: Pick<QuoteRow, 'status' | 'job_id' | 'invoice_id'>): QuoteStaffAction[] {
  const actions: QuoteStaffAction[] = []
  if (isQuoteEditable(quote.status)) actions.push('edit')
  if (quote.status === 'draft') actions.push('send', 'delete')
  if (quote.status === 'approved' && quote.job_id === null) actions.push('convert_to_job')
  if (quote.status === 'approved' && quote.invoice_id === null) actions.push('create_invoice')
  return actions
}

/** Shown before staff change a quote the customer already has. */
export function quoteEditWarning(status: QuoteStatus): string | null {
  if (status !== 'sent' && status !== 'viewed') return null
  return status === 'viewed'
    ? 'The customer has already opened this quote. Saving changes makes a new version, which they will have to approve again.'
    : 'This quote has been sent. Saving changes makes a new version, which the customer will have to approve again.'
}

/** The CRM's toasts after staff act on a quote. */
export const quoteToast = {
  created: (quote: Pick<QuoteRow, 'number' | 'status'>) =>
    quote.status === 'sent' ? `Quote ${quote.number} sent` : `Quote ${quote.number} saved as a draft`,
  updated: (quote: Pick<QuoteRow, 'number' | 'status' | 'version'>) =>
    quote.status === 'draft' ? `Quote ${quote.number} saved` : `Quote ${quote.number} saved as version ${quote.version}`,
  sent: (quote: Pick<QuoteRow, 'number'>) => `Quote ${quote.number} sent`,
  deleted: (number: string) => `Draft ${number} deleted`,
  jobCreated: (number: string) => `Job created from quote ${number}`,
  invoiceCreated: (invoiceNumber: string) => `Invoice ${invoiceNumber} created`,
} as const

export type QuoteEvent = 'created' | 'sent' | 'viewed' | 'approved' | 'declined' | 'expired'

export interface QuoteTimelineEntry {
  event: QuoteEvent
  label: string
  /** When it happened; null when only the day is known (expiry follows the valid-until day). */
  at: string | null
  detail: string | null
}

const eventLabel: Record<QuoteEvent, string> = {
  created: 'Created',
  sent: 'Sent',
  viewed: 'Viewed by the customer',
  approved: 'Approved',
  declined: 'Declined',
  expired: 'Expired',
}

type TimelineFields = Pick<
  QuoteRow,
  'status' | 'created_at' | 'sent_at' | 'viewed_at' | 'approved_at' | 'declined_at' | 'decline_reason' | 'valid_until'
>

/** What happened to a quote, oldest first. */
export function quoteTimeline(quote: TimelineFields): QuoteTimelineEntry[] {
  const entry = (event: QuoteEvent, at: string | null, detail: string | null = null): QuoteTimelineEntry => ({
    event,
    label: eventLabel[event],
    at,
    detail,
  })
  const entries = [entry('created', quote.created_at)]
  if (quote.sent_at) entries.push(entry('sent', quote.sent_at))
  if (quote.viewed_at) entries.push(entry('viewed', quote.viewed_at))
  if (quote.approved_at) entries.push(entry('approved', quote.approved_at))
  if (quote.declined_at) entries.push(entry('declined', quote.declined_at, quote.decline_reason ?? null))
  if (quote.status === 'expired') {
    entries.push(entry('expired', null, quote.valid_until ? `Valid until ${formatDayKeyDate(quote.valid_until)}` : null))
  }
  return entries
}

/** The deposit asked on approval, in words: `20% of the total`, `$100.00`, or null for none. */
export function depositRuleText(
  rule: Pick<QuoteRow, 'deposit_percent' | 'deposit_amount_cents'>,
  currency = 'USD',
): string | null {
  if (rule.deposit_amount_cents !== null) return formatCents(rule.deposit_amount_cents, currency)
  if (rule.deposit_percent !== null) return `${rule.deposit_percent}% of the total`
  return null
}

export type QuoteLineSection<L> =
  | { kind: 'included'; lines: L[] }
  | { kind: 'options'; group: string; lines: L[] }
  | { kind: 'optional'; lines: L[] }

/**
 * A quote's lines as the customer reads them: those always included, each option group (one of
 * its lines is chosen), then the optional extras. Empty sections are left out.
 */
export function quoteLineSections<L extends Pick<QuoteLineItemRow, 'option_group' | 'optional'>>(
  lines: readonly L[],
): QuoteLineSection<L>[] {
  const included = lines.filter((l) => l.option_group === null && !l.optional)
  const optional = lines.filter((l) => l.option_group === null && l.optional)
  const groups = [...new Set(lines.flatMap((l) => (l.option_group === null ? [] : [l.option_group])))]
  return [
    ...(included.length > 0 ? [{ kind: 'included' as const, lines: included }] : []),
    ...groups.map((group) => ({ kind: 'options' as const, group, lines: lines.filter((l) => l.option_group === group) })),
    ...(optional.length > 0 ? [{ kind: 'optional' as const, lines: optional }] : []),
  ]
}

/** A line as staff write it: priced, maybe in an option group, maybe optional. */
export interface QuoteLineDraft extends PricedLine {
  optionGroup: string | null
  optional: boolean
}

/**
 * The totals the database will store for these lines (a preview while staff type): the lines
 * always included, the first line of each option group (the customer's starting choice) and no
 * optional line. A line in a group is never optional.
 */
export function quoteDraftTotals(lines: readonly QuoteLineDraft[]): Totals {
  const choices: QuoteLineChoice[] = lines.map((line, index) => {
    const group = line.optionGroup?.trim() || null
    const optional = group === null && line.optional
    return { ...line, id: String(index), option_group: group, optional, selected: !optional }
  })
  return choiceTotals(choices, initialChoice(choices))
}
