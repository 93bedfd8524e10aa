import type { QuoteLineItemRow } from '@repo/database/types'
import { formatCents, formatRate } from '@repo/domain/money'
import { type QuoteLineSection, quoteLineSections } from '@repo/domain/quotes'
import { Badge } from '@repo/ui/badge'
import { cn } from '@repo/ui/cn'

function sectionTitle(section: QuoteLineSection<QuoteLineItemRow>): string {
  if (section.kind === 'included') return 'Included'
  if (section.kind === 'optional') return 'Optional extras'
  return `${section.group}: one of these`
}

/** Whether the line is in the quote's total: chosen by the customer, or (before that) the starting choice. */
function lineMark(line: QuoteLineItemRow, kind: QuoteLineSection<QuoteLineItemRow>['kind'], answered: boolean) {
  if (kind === 'included') return null
  if (answered) {
    if (kind === 'options') return line.selected ? { text: 'Chosen', tone: 'success' as const } : { text: 'Not chosen', tone: 'neutral' as const }
    return line.selected ? { text: 'Added', tone: 'success' as const } : { text: 'Not added', tone: 'neutral' as const }
  }
  if (kind === 'options') return line.selected ? { text: 'Starting choice', tone: 'info' as const } : null
  return { text: 'Optional', tone: 'neutral' as const }
}

/**
 * A quote's lines as the customer reads them: the included lines, each option group's
 * alternatives and the optional extras; after approval the customer's choices are highlighted.
 */
export function QuoteLines({ lines, approved, currency }: { lines: QuoteLineItemRow[]; approved: boolean; currency: string }) {
  return (
    <div className="space-y-4">
      {quoteLineSections(lines).map((section) => (
        <section key={section.kind === 'options' ? `options-${section.group}` : section.kind} aria-label={sectionTitle(section)}>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">{sectionTitle(section)}</h3>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {section.lines.map((line) => {
              const mark = lineMark(line, section.kind, approved)
              const highlighted = approved && section.kind !== 'included' && line.selected
              const dimmed = approved && section.kind !== 'included' && !line.selected
              return (
                <li
                  key={line.id}
                  data-quote-line={line.description}
                  data-selected={line.selected}
                  className={cn('flex flex-wrap items-start justify-between gap-x-4 gap-y-1 p-3', highlighted && 'bg-emerald-50', dimmed && 'text-slate-600')}
                >
                  <div className="min-w-48 flex-1">
                    <p className={cn('font-medium break-words', dimmed && 'font-normal')}>{line.description}</p>
                    <p className="text-sm text-slate-700">
                      {line.quantity} × {formatCents(line.unit_price_cents, currency)} ·{' '}
                      {line.taxable ? `Taxed ${formatRate(line.tax_rate_bps)}` : 'No tax'}
                    </p>
                  </div>
                  <div className="ml-auto flex items-center gap-2">
                    {mark ? <Badge tone={mark.tone}>{mark.text}</Badge> : null}
                    <span className="tabular-nums">{formatCents(line.amount_cents, currency)}</span>
                  </div>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}
