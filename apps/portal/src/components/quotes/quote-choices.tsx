import type { QuoteLineItemRow } from '@repo/database/types'
import { formatCents } from '@repo/domain/money'
import { cn } from '@repo/ui/cn'

interface Props {
  lines: QuoteLineItemRow[]
  chosen: readonly string[]
  onToggle: (id: string) => void
  currency: string
  /** Option groups the customer tried to approve without choosing in. */
  missing: readonly string[]
}

function price(line: QuoteLineItemRow, currency: string) {
  return line.quantity === 1
    ? formatCents(line.amount_cents, currency)
    : `${line.quantity} × ${formatCents(line.unit_price_cents, currency)} = ${formatCents(line.amount_cents, currency)}`
}

const choiceCard =
  'flex min-h-14 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 hover:border-sky-700 ' +
  'has-[:checked]:border-sky-700 has-[:checked]:bg-sky-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-sky-700'

/** What the quote offers: lines always included, each option group as alternatives (one to choose), add-ons. */
export function QuoteChoices({ lines, chosen, onToggle, currency, missing }: Props) {
  const fixed = lines.filter((line) => line.option_group === null && !line.optional)
  const groups = [...new Set(lines.flatMap((line) => (line.option_group === null ? [] : [line.option_group])))]
  const optional = lines.filter((line) => line.option_group === null && line.optional)
  return (
    <div className="space-y-5">
      {fixed.length > 0 ? (
        <section aria-labelledby="included-heading" className="space-y-2">
          <h3 id="included-heading" className="font-semibold">
            Included
          </h3>
          <ul className="divide-y divide-slate-100 text-sm">
            {fixed.map((line) => (
              <li key={line.id} className="flex items-start justify-between gap-3 py-2">
                <span className="min-w-0 break-words">{line.description}</span>
                <span className="shrink-0 text-right tabular-nums">{price(line, currency)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {groups.map((group, index) => {
        const options = lines.filter((line) => line.option_group === group)
        const errorId = `group-${index}-error`
        const invalid = missing.includes(group)
        return (
          <fieldset key={group} className="space-y-2" aria-describedby={invalid ? errorId : undefined} data-testid="option-group">
            <legend className="mb-2 font-semibold">
              {group} <span className="font-normal text-slate-700">· choose one</span>
            </legend>
            <div className={cn('grid gap-2', options.length >= 3 ? 'lg:grid-cols-3' : options.length === 2 && 'sm:grid-cols-2')}>
              {options.map((line) => (
                <label key={line.id} className={cn(choiceCard, invalid && 'border-red-700')}>
                  <input
                    type="radio"
                    name={`option-${index}`}
                    value={line.id}
                    checked={chosen.includes(line.id)}
                    onChange={() => onToggle(line.id)}
                    aria-invalid={invalid || undefined}
                    className="mt-0.5 size-5 shrink-0 accent-sky-700"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block break-words font-medium">{line.description}</span>
                    <span className="block text-sm tabular-nums text-slate-700">{price(line, currency)}</span>
                  </span>
                </label>
              ))}
            </div>
            {invalid ? (
              <p id={errorId} className="text-sm text-red-800">
                Choose one option for “{group}”.
              </p>
            ) : null}
          </fieldset>
        )
      })}
      {optional.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="mb-2 font-semibold">
            Add-ons <span className="font-normal text-slate-700">· optional</span>
          </legend>
          {optional.map((line) => (
            <label key={line.id} className={choiceCard}>
              <input
                type="checkbox"
                value={line.id}
                checked={chosen.includes(line.id)}
                onChange={() => onToggle(line.id)}
                className="mt-0.5 size-5 shrink-0 accent-sky-700"
              />
              <span className="min-w-0 flex-1">
                <span className="block break-words font-medium">{line.description}</span>
                <span className="block text-sm tabular-nums text-slate-700">+ {price(line, currency)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  )
}
