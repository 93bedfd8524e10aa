import { formatCents } from '@repo/domain/money'
import { Card, CardHeader } from '@repo/ui/card'
import { PayForm } from '@/components/payments/pay-form'

interface Props {
  quoteId: string
  /** What is still to pay (`depositDueCents`); the card is not rendered at 0. */
  dueCents: number
  currency: string
}

/** The deposit an approved quote still asks for, paid by card through the provider's checkout. */
export function QuoteDeposit({ quoteId, dueCents, currency }: Props) {
  return (
    <Card aria-labelledby="deposit-heading">
      <CardHeader id="deposit-heading" title="Deposit" />
      <p className="text-lg font-semibold tabular-nums" data-testid="deposit-due">
        Deposit due: {formatCents(dueCents, currency)}
      </p>
      <p className="mb-3 text-sm text-slate-700">It counts toward your invoice.</p>
      <PayForm target={{ quoteId }} dueCents={dueCents} currency={currency} label="Pay deposit" />
    </Card>
  )
}
