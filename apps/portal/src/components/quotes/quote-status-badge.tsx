import { customerQuoteStatusLabel, type QuoteStatus, quoteStatusTone } from '@repo/domain/quotes'
import { Badge } from '@repo/ui/badge'

/** Pass the shown status (`shownQuoteStatus`): past its valid-until day an open quote is expired. */
export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  return <Badge tone={quoteStatusTone[status]}>{customerQuoteStatusLabel[status]}</Badge>
}
