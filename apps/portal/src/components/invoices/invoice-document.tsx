import type { InvoiceWithLineItems } from '@repo/database/repositories'
import { formatDate } from '@repo/domain/dates'
import { formatCents, formatRate } from '@repo/domain/money'
import { Card } from '@repo/ui/card'
import { InvoiceStatusBadge } from './invoice-status-badge'

/** The invoice itself: used on screen and in the printable view. */
export function InvoiceDocument({
  invoice,
  businessName,
  timeZone,
  currency,
}: { invoice: InvoiceWithLineItems; businessName: string; timeZone: string; currency: string }) {
  const items = [...invoice.invoice_line_items].sort((a, b) => a.position - b.position)
  return (
    <Card className="print:border-0 print:p-0 print:shadow-none">
      <article className="space-y-4">
        <header className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <p className="text-sm text-slate-700">{businessName}</p>
            <h1 className="text-2xl font-bold">Invoice {invoice.number}</h1>
          </div>
          <InvoiceStatusBadge invoice={invoice} />
        </header>
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-700">Issued</dt>
            <dd>{formatDate(invoice.issued_at, timeZone)}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Due</dt>
            <dd data-testid="invoice-due">{formatDate(invoice.due_at, timeZone)}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Paid</dt>
            <dd data-testid="invoice-paid">{formatDate(invoice.paid_at, timeZone)}</dd>
          </div>
        </dl>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Line items</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-700">
                <th scope="col" className="py-2 pr-2 font-medium">Description</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">Qty</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">Price</th>
                <th scope="col" className="py-2 pl-2 text-right font-medium">Amount</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className="border-b border-slate-100" data-testid={item.credit_id ? 'credit-line' : undefined}>
                  <td className="py-2 pr-2">
                    {item.description}
                    {item.credit_id ? <span className="block text-xs text-emerald-800">Your reward, applied</span> : null}
                    {item.taxable ? <span className="block text-xs text-slate-700">Tax {formatRate(item.tax_rate_bps)}</span> : null}
                  </td>
                  <td className="px-2 py-2 text-right tabular-nums">{item.quantity}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{formatCents(item.unit_price_cents, currency)}</td>
                  <td className="py-2 pl-2 text-right tabular-nums">{formatCents(item.amount_cents, currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="tabular-nums">
              <tr>
                <th scope="row" colSpan={3} className="pt-3 text-right font-normal text-slate-700">Subtotal</th>
                <td className="pt-3 text-right">{formatCents(invoice.subtotal_cents, currency)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={3} className="text-right font-normal text-slate-700">Tax</th>
                <td className="text-right">{formatCents(invoice.tax_cents, currency)}</td>
              </tr>
              {invoice.discount_cents > 0 ? (
                <tr>
                  <th scope="row" colSpan={3} className="text-right font-normal text-slate-700">Rewards applied</th>
                  <td className="text-right">−{formatCents(invoice.discount_cents, currency)}</td>
                </tr>
              ) : null}
              <tr>
                <th scope="row" colSpan={3} className="pt-1 text-right font-semibold">Total</th>
                <td className="pt-1 text-right font-semibold" data-testid="invoice-total">{formatCents(invoice.total_cents, currency)}</td>
              </tr>
              {invoice.amount_paid_cents !== 0 ? (
                <tr>
                  <th scope="row" colSpan={3} className="text-right font-normal text-slate-700">Paid</th>
                  <td className="text-right" data-testid="invoice-amount-paid">{formatCents(invoice.amount_paid_cents, currency)}</td>
                </tr>
              ) : null}
              {invoice.status !== 'void' ? (
                <tr>
                  <th scope="row" colSpan={3} className="text-right font-semibold">Balance due</th>
                  <td className="text-right font-semibold" data-testid="invoice-balance">{formatCents(Math.max(invoice.balance_cents, 0), currency)}</td>
                </tr>
              ) : null}
            </tfoot>
          </table>
        </div>
        {invoice.notes ? <p className="text-sm text-slate-700">{invoice.notes}</p> : null}
      </article>
    </Card>
  )
}
