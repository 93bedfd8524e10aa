import { type QuoteStatus, quoteStatusLabel, quoteStatusTone } from '@repo/domain/quotes'
import { Badge } from '@repo/ui/badge'

/** The quote's status in staff words (a sent quote the customer opened reads "Viewed"). */
export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  return (
    <span data-testid="quote-status">
      <Badge tone={quoteStatusTone[status]}>{quoteStatusLabel[status]}</Badge>
    </span>
  )
}
