// The lines of an invoice or quote while staff write them: text as typed, turned into priced lines
// for the live totals and into the actions' input on submit. No React here.
import type { ServiceRow, TaxRateRow } from '@repo/database/types'
import { centsToInput, type PricedLine, parseMoneyToCents } from '@repo/domain/money'

export type CatalogService = Pick<ServiceRow, 'id' | 'name' | 'base_price_cents' | 'unit' | 'taxable'>
export type TaxRateChoice = Pick<TaxRateRow, 'id' | 'name' | 'rate_bps' | 'is_default'>

export interface LineDraft {
  /** React's key: lines have no id until saved. */
  key: string
  serviceId: string | null
  description: string
  quantity: string
  unitPrice: string
  taxable: boolean
  /** The rate charged when taxable (a snapshot: a later change of rates does not touch it). */
  taxRateBps: number
  /** Quotes: lines sharing a group are alternatives, one of which the customer chooses. */
  optionGroup: string
  /** Quotes: a line the customer may add. */
  optional: boolean
}

let counter = 0
const nextKey = () => `line-${++counter}`

/** The business's default rate, or none (0): what a taxable catalog line is charged. */
export function defaultRateBps(rates: readonly TaxRateChoice[]): number {
  return rates.find((r) => r.is_default)?.rate_bps ?? 0
}

export function blankLine(): LineDraft {
  return {
    key: nextKey(),
    serviceId: null,
    description: '',
    quantity: '1',
    unitPrice: '',
    taxable: false,
    taxRateBps: 0,
    optionGroup: '',
    optional: false,
  }
}

/**
 * A catalog service as a line: its name, usual price, and the default rate when it is taxable
 * (without a default rate staff pick one: the line starts untaxed).
 */
export function lineFromService(service: CatalogService, rates: readonly TaxRateChoice[]): LineDraft {
  const hasDefault = rates.some((r) => r.is_default)
  return {
    ...blankLine(),
    serviceId: service.id,
    description: service.name,
    unitPrice: centsToInput(service.base_price_cents),
    taxable: service.taxable && hasDefault,
    taxRateBps: service.taxable && hasDefault ? defaultRateBps(rates) : 0,
  }
}

/** The rate a line gets when staff tick "Taxable": its own, else the default, else the first rate. */
export function rateWhenTaxed(line: LineDraft, rates: readonly TaxRateChoice[]): number {
  if (line.taxRateBps > 0) return line.taxRateBps
  return (rates.find((r) => r.is_default) ?? rates[0])?.rate_bps ?? 0
}

/** A saved line (an invoice's or a quote's) back into the editor. */
export function lineFromSaved(line: {
  service_id: string | null
  description: string
  quantity: number
  unit_price_cents: number
  taxable: boolean
  tax_rate_bps: number
  option_group?: string | null
  optional?: boolean
}): LineDraft {
  return {
    key: nextKey(),
    serviceId: line.service_id,
    description: line.description,
    quantity: String(line.quantity),
    unitPrice: centsToInput(line.unit_price_cents),
    taxable: line.taxable,
    taxRateBps: line.tax_rate_bps,
    optionGroup: line.option_group ?? '',
    optional: line.optional ?? false,
  }
}

/** Whether the line is still untouched (a catalog pick then fills it instead of adding another). */
export function isBlankLine(line: LineDraft): boolean {
  return line.serviceId === null && line.description.trim() === '' && line.unitPrice.trim() === ''
}

/** A whole number of at least 1, as typed, or null. */
function parseQuantity(text: string): number | null {
  return /^\s*\d{1,6}\s*$/.test(text) && Number(text) >= 1 ? Number(text) : null
}

/** The line priced for the totals, or null while its quantity or price is not a valid amount. */
export function pricedLine(line: LineDraft): PricedLine | null {
  const quantity = parseQuantity(line.quantity)
  const unitPriceCents = parseMoneyToCents(line.unitPrice)
  if (quantity === null || unitPriceCents === null) return null
  return { quantity, unitPriceCents, taxable: line.taxable, taxRateBps: line.taxable ? line.taxRateBps : 0 }
}

/** Every line priced, or null while any is not (the totals then show a dash rather than a wrong sum). */
export function pricedLines(lines: readonly LineDraft[]): PricedLine[] | null {
  const priced = lines.map(pricedLine)
  return priced.every((p) => p !== null) ? (priced as PricedLine[]) : null
}

/**
 * What the actions receive for a line. Bad text is sent as NaN so the action's schema answers
 * with the field's message (the form keeps what was typed).
 */
export function lineInput(line: LineDraft) {
  const quantity = line.quantity.trim() === '' ? Number.NaN : Number(line.quantity)
  return {
    serviceId: line.serviceId,
    description: line.description,
    quantity,
    unitPriceCents: parseMoneyToCents(line.unitPrice) ?? Number.NaN,
    taxable: line.taxable,
    taxRateBps: line.taxable ? line.taxRateBps : 0,
  }
}

/** A quote line's input: the line plus its option group and whether it is optional. */
export function quoteLineInput(line: LineDraft) {
  const optionGroup = line.optionGroup.trim()
  return { ...lineInput(line), optionGroup: optionGroup || null, optional: optionGroup ? false : line.optional }
}
