// Quote statuses from the generated enum, their wording and tones, and what each allows.
import { Constants, type QuoteStatus } from '@repo/database/types'
import type { StatusTone } from '../notice.ts'

export type { QuoteStatus }

export const quoteStatuses: readonly QuoteStatus[] = Constants.public.Enums.quote_status

export const quoteStatusLabel: Record<QuoteStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  viewed: 'Viewed',
  approved: 'Approved',
  declined: 'Declined',
  expired: 'Expired',
}

/** The customer's wording: a sent or viewed quote waits for their answer. */
export const customerQuoteStatusLabel: Record<QuoteStatus, string> = {
  ...quoteStatusLabel,
  sent: 'Awaiting your answer',
  viewed: 'Awaiting your answer',
}

export const quoteStatusTone: Record<QuoteStatus, StatusTone> = {
  draft: 'neutral',
  sent: 'info',
  viewed: 'info',
  approved: 'success',
  declined: 'danger',
  expired: 'warning',
}

/** Staff may still change its lines and terms (a sent quote's changes are a new version). */
export function isQuoteEditable(status: QuoteStatus): boolean {
  return status === 'draft' || status === 'sent' || status === 'viewed'
}

/** Waiting for the customer: they may approve or decline. */
export function isQuoteAwaitingAnswer(status: QuoteStatus): boolean {
  return status === 'sent' || status === 'viewed'
}
