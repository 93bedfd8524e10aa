import { formatCents } from '@repo/domain/money'
import { Card, CardHeader } from '@repo/ui/card'

interface Props {
  quoteId: string
  /** What is still to pay (`depositDueCents`); the card is not rendered at 0. */
  dueCents: number
  currency: string
}

/**
 * The deposit an approved quote still asks for. The "Pay deposit" button goes in the slot below
 * (the payments work owns it); this card only says what is due.
 */
export function QuoteDeposit({ dueCents, currency }: Props) {
  return (
    <Card aria-labelledby="deposit-heading">
      <CardHeader id="deposit-heading" title="Deposit" />
      <p className="text-lg font-semibold tabular-nums" data-testid="deposit-due">
        Deposit due: {formatCents(dueCents, currency)}
      </p>
      <p className="text-sm text-slate-700">It counts toward your invoice.</p>
      {/* SLOT: the "Pay deposit" button goes here (the payments work adds it, taking `quoteId` from the props):
          <PayForm target={{ quoteId }} … /> from @/components/payments/pay-form */}
    </Card>
  )
}
