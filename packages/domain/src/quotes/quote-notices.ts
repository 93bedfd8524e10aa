// Toast wording for quotes: what a customer is told live.
import type { ChangeEvent, QuoteRow } from '@repo/database/types'
import { formatCents } from '../money/format-cents.ts'
import { type ChangeNotice, oldHas } from '../notice.ts'

/** A new quote once sent, a new version of one, and expiry; null for the rest. */
export function describeQuoteChange(
  event: ChangeEvent,
  row: QuoteRow | null,
  old: Partial<QuoteRow> | null,
  _timeZone?: string,
  currency = 'USD',
): ChangeNotice | null {
  if (!row || row.status === 'draft') return null
  // An update whose old status is withheld is a draft the customer could not see until now.
  const becameVisible =
    event === 'INSERT' || (event === 'UPDATE' && (!oldHas(old, 'status') || old.status === 'draft'))
  if (becameVisible && row.status === 'sent') {
    return {
      type: 'info',
      tone: 'info',
      title: 'New quote',
      description: `Quote ${row.number} for ${formatCents(row.total_cents, currency)}: ${row.title}`,
    }
  }
  if (event !== 'UPDATE' || !oldHas(old, 'status')) return null
  if (oldHas(old, 'version') && old.version !== row.version && (row.status === 'sent' || row.status === 'viewed')) {
    return {
      type: 'info',
      tone: 'info',
      title: 'Quote updated',
      // Not the stored total: it counts the business's pre-selection, not the customer's choices.
      description: `Quote ${row.number} changed; review the new version before you answer`,
    }
  }
  if (old.status !== 'expired' && row.status === 'expired') {
    return { type: 'info', tone: 'warning', title: 'Quote expired', description: `Quote ${row.number} has expired` }
  }
  return null
}
