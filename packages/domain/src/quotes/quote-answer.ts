// What a customer reads and signs on a quote: its lines as choices, the status they are shown (past
// its valid-until day a quote is expired, even before the scheduled job marks it), the dates on
// its list row, the deposit still due and the sentence they agree to. Limits mirror approve_quote()
// and decline_quote(), which decide.
import type { QuoteLineItemRow, QuoteRow, QuoteStatus } from '@repo/database/types'
import { dayKey, formatDayKeyDate } from '../dates/day-keys.ts'
import { formatDate } from '../dates/format.ts'
import type { TimeZone } from '../dates/zone.ts'
import { formatCents } from '../money/format-cents.ts'
import { initialChoice, isFixedLine, optionGroups, type QuoteLineChoice } from './quote-options.ts'
import { isQuoteAwaitingAnswer } from './quote-status.ts'

export const SIGNER_NAME_MIN_CHARS = 2
export const SIGNER_NAME_MAX_CHARS = 200
/** The signature as a PNG data URL, at most this long (approve_quote and the table check). */
export const SIGNATURE_PNG_MAX_CHARS = 300_000
export const SIGNATURE_PNG_PREFIX = 'data:image/png;base64,'
export const DECLINE_REASON_MAX_CHARS = 2_000

/** approve_quote()'s own words when the version signed is not the current one. */
export const QUOTE_CHANGED_MESSAGE = 'This quote changed while you were reading it'
export const QUOTE_CHANGED_HINT = 'Review the new version, then approve it.'

type LineFields = Pick<
  QuoteLineItemRow,
  'id' | 'quantity' | 'unit_price_cents' | 'taxable' | 'tax_rate_bps' | 'option_group' | 'optional' | 'selected'
>

/** A stored line as the options helpers read it. */
export function toLineChoice(line: LineFields): QuoteLineChoice {
  return {
    id: line.id,
    quantity: line.quantity,
    unitPriceCents: line.unit_price_cents,
    taxable: line.taxable,
    taxRateBps: line.tax_rate_bps,
    option_group: line.option_group,
    optional: line.optional,
    selected: line.selected,
  }
}

/** Past its valid-until day in the business's time zone (approve_quote refuses it from then on). */
export function isQuotePastValidUntil(
  quote: Pick<QuoteRow, 'valid_until'>,
  timeZone: TimeZone,
  now: Date = new Date(),
): boolean {
  return quote.valid_until !== null && quote.valid_until < dayKey(now, timeZone)
}

/** The status a customer is shown: an open quote past its day reads "Expired" at once. */
export function shownQuoteStatus(
  quote: Pick<QuoteRow, 'status' | 'valid_until'>,
  timeZone: TimeZone,
  now: Date = new Date(),
): QuoteStatus {
  return isQuoteAwaitingAnswer(quote.status) && isQuotePastValidUntil(quote, timeZone, now) ? 'expired' : quote.status
}

/** `Jan 3, 2027`, or null without a valid-until day. */
export function formatValidUntil(quote: Pick<QuoteRow, 'valid_until'>): string | null {
  return quote.valid_until ? formatDayKeyDate(quote.valid_until) : null
}

/** The date line of a quote in a list: when it is valid until, or when it was answered. */
export function quoteDateLine(
  quote: Pick<QuoteRow, 'valid_until' | 'sent_at' | 'approved_at' | 'declined_at'>,
  status: QuoteStatus,
  timeZone: TimeZone,
): string {
  const validUntil = formatValidUntil(quote)
  switch (status) {
    case 'approved':
      return `Approved ${formatDate(quote.approved_at, timeZone)}`
    case 'declined':
      return `Declined ${formatDate(quote.declined_at, timeZone)}`
    case 'expired':
      return validUntil ? `Expired after ${validUntil}` : 'Expired'
    default:
      return validUntil ? `Valid until ${validUntil}` : `Sent ${formatDate(quote.sent_at, timeZone)}`
  }
}

/** The deposit still to pay on an approved quote (0 when none was asked or it is paid). */
export function depositDueCents(quote: Pick<QuoteRow, 'status' | 'deposit_cents' | 'deposit_paid_cents'>): number {
  return quote.status === 'approved' ? Math.max(0, quote.deposit_cents - quote.deposit_paid_cents) : 0
}

/** The sentence above the signature: what exactly is being approved. */
export function approvalAgreement(
  quote: Pick<QuoteRow, 'number' | 'version'>,
  totalCents: number,
  currency: string,
): string {
  return `By signing you approve quote ${quote.number}, version ${quote.version}, for ${formatCents(totalCents, currency)}.`
}

/** `1 quote awaiting your answer`, `2 quotes awaiting your answer`. */
export function awaitingAnswerCount(count: number): string {
  return `${count} ${count === 1 ? 'quote' : 'quotes'} awaiting your answer`
}

/**
 * Why a set of choices cannot be approved (approve_quote's checks, in its words), or null: every
 * chosen line is an option or optional line of this quote, and each option group has one choice.
 */
export function choiceProblem(lines: readonly QuoteLineChoice[], chosen: readonly string[]): string | null {
  const byId = new Map(lines.map((line) => [line.id, line]))
  for (const id of chosen) {
    const line = byId.get(id)
    if (!line || isFixedLine(line)) return 'A chosen line is not part of this quote.'
  }
  for (const group of optionGroups(lines)) {
    const picked = chosen.filter((id) => byId.get(id)?.option_group === group).length
    if (picked !== 1) return `Choose one option for “${group}”.`
  }
  return null
}

/**
 * The customer's choices carried over to a new version of the quote: the lines still there stay
 * chosen (one per group), and a group left without a choice gets the business's pre-selection.
 */
export function keepChoice(lines: readonly QuoteLineChoice[], chosen: readonly string[]): string[] {
  const kept: string[] = []
  const groups = new Set<string>()
  for (const id of chosen) {
    const line = lines.find((l) => l.id === id)
    if (!line || isFixedLine(line)) continue
    if (line.option_group !== null) {
      if (groups.has(line.option_group)) continue
      groups.add(line.option_group)
    }
    kept.push(id)
  }
  for (const id of initialChoice(lines)) {
    const group = lines.find((l) => l.id === id)?.option_group ?? null
    if (group !== null && !groups.has(group)) kept.push(id)
  }
  return kept
}
