// What the customer chooses on a quote: one line per option group (good / better / best) and any
// optional lines. Mirrors approve_quote(), which decides; this previews the total as they choose.
import { type PricedLine, roundHalfUp, type Totals, totalsOf } from '../money/tax.ts'

export interface QuoteLineChoice extends PricedLine {
  id: string
  option_group: string | null
  optional: boolean
  selected: boolean
}

/** Lines always included: neither an option nor optional. */
export function isFixedLine(line: Pick<QuoteLineChoice, 'option_group' | 'optional'>): boolean {
  return line.option_group === null && !line.optional
}

/** The ids the customer starts with: the business's pre-selection (one per group at most). */
export function initialChoice(lines: readonly QuoteLineChoice[]): string[] {
  const seenGroups = new Set<string>()
  const chosen: string[] = []
  for (const line of lines) {
    if (isFixedLine(line) || !line.selected) continue
    if (line.option_group !== null) {
      if (seenGroups.has(line.option_group)) continue
      seenGroups.add(line.option_group)
    }
    chosen.push(line.id)
  }
  return chosen
}

/** Picks `id`: within a group it replaces the group's other choice; an optional line toggles. */
export function toggleChoice(lines: readonly QuoteLineChoice[], chosen: readonly string[], id: string): string[] {
  const line = lines.find((l) => l.id === id)
  if (!line || isFixedLine(line)) return [...chosen]
  if (line.option_group !== null) {
    const group = new Set(lines.filter((l) => l.option_group === line.option_group).map((l) => l.id))
    return [...chosen.filter((c) => !group.has(c)), id]
  }
  return chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]
}

/** Option groups, in the order their first line appears. */
export function optionGroups(lines: readonly QuoteLineChoice[]): string[] {
  return [...new Set(lines.flatMap((l) => (l.option_group === null ? [] : [l.option_group])))]
}

/** The groups still missing a choice (approval needs exactly one per group). */
export function missingGroups(lines: readonly QuoteLineChoice[], chosen: readonly string[]): string[] {
  return optionGroups(lines).filter(
    (group) => !lines.some((l) => l.option_group === group && chosen.includes(l.id)),
  )
}

/** Totals of the fixed lines plus the chosen ones. */
export function choiceTotals(lines: readonly QuoteLineChoice[], chosen: readonly string[]): Totals {
  return totalsOf(lines.filter((l) => isFixedLine(l) || chosen.includes(l.id)))
}

/** The deposit rule of quotes_prepare(): a fixed amount (capped at the total) or a percent. */
export function depositFor(
  totalCents: number,
  rule: { deposit_amount_cents: number | null; deposit_percent: number | null },
): number {
  if (rule.deposit_amount_cents !== null) return Math.min(rule.deposit_amount_cents, totalCents)
  if (rule.deposit_percent !== null) return roundHalfUp((totalCents * rule.deposit_percent) / 100)
  return 0
}
