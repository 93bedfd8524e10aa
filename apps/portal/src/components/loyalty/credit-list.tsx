import type { CreditWithInvoice } from '@repo/database/repositories'
import { formatDate } from '@repo/domain/dates'
import { creditAmount, creditPlacement, creditPlacementText } from '@repo/domain/loyalty'
import { Card } from '@repo/ui/card'
import Link from 'next/link'

/** Credits from redeemed rewards and where each one went (live: customer_credits is on the portal's channel). */
export function CreditList({ credits, timeZone, currency }: { credits: CreditWithInvoice[]; timeZone: string; currency: string }) {
  return (
    <Card className="overflow-hidden p-0">
      <ul className="divide-y divide-slate-200">
        {credits.map((credit) => {
          const placement = creditPlacement(credit)
          return (
            <li key={credit.id} className="p-4" data-testid="credit-row">
              <p>
                <span className="font-semibold tabular-nums">{creditAmount(credit.amount_cents, currency)}</span>
                {' — '}
                {placement.kind === 'invoice' ? (
                  <>
                    {creditPlacementText.invoice}{' '}
                    <Link href={`/invoices/${placement.invoiceId}`} className="font-medium text-sky-800 underline">
                      {placement.invoiceNumber}
                    </Link>
                  </>
                ) : (
                  creditPlacementText[placement.kind]
                )}
              </p>
              <p className="text-sm text-slate-700">
                {credit.description} · {formatDate(credit.created_at, timeZone)}
              </p>
            </li>
          )
        })}
      </ul>
    </Card>
  )
}
