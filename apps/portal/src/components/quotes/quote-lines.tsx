import type { QuoteLineItemRow } from '@repo/database/types'
import { formatCents } from '@repo/domain/money'

/**
 * An answered quote's lines, read-only: what was approved, or (declined, expired) what was offered,
 * options and add-ons marked as such.
 */
export function QuoteLines({ lines, currency }: { lines: QuoteLineItemRow[]; currency: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Lines</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-700">
            <th scope="col" className="py-2 pr-2 font-medium">
              Description
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              Qty
            </th>
            <th scope="col" className="py-2 pl-2 text-right font-medium">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-2">
                <span className="block break-words">{line.description}</span>
                {line.option_group !== null ? (
                  <span className="block text-xs text-slate-700">Option: {line.option_group}</span>
                ) : line.optional ? (
                  <span className="block text-xs text-slate-700">Add-on</span>
                ) : null}
              </td>
              <td className="px-2 py-2 text-right tabular-nums">{line.quantity}</td>
              <td className="py-2 pl-2 text-right tabular-nums">{formatCents(line.amount_cents, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
