'use client'

import type { QuoteLineItemRow, QuoteRow } from '@repo/database/types'
import { centsToInput, parseMoneyToCents, type Totals } from '@repo/domain/money'
import { depositFor, quoteDraftTotals } from '@repo/domain/quotes'
import { useState } from 'react'
import { blankLine, type LineDraft, lineFromSaved, pricedLine, quoteLineInput } from '@/components/line-items/line-draft.ts'

export type DepositKind = 'none' | 'percent' | 'amount'

export interface QuoteDraft {
  lines: LineDraft[]
  setLines: (lines: LineDraft[]) => void
  depositKind: DepositKind
  setDepositKind: (kind: DepositKind) => void
  depositPercent: string
  setDepositPercent: (text: string) => void
  depositAmount: string
  setDepositAmount: (text: string) => void
  /** What the database will store (null while a line is not a valid amount). */
  totals: Totals | null
  /** The deposit asked on approval: null for none, undefined while it is not a valid rule. */
  deposit: number | null | undefined
  /** The form's fields plus the lines and deposit, as the quote actions take them. */
  readInput: (form: FormData) => {
    title: string
    validUntil: string
    depositKind: DepositKind
    depositPercent: number | null
    depositAmountCents: number | null
    notes: string
    terms: string
    lines: ReturnType<typeof quoteLineInput>[]
  }
}

const wholePercent = (text: string) => (/^\s*\d{1,3}\s*$/.test(text) ? Number(text) : Number.NaN)

/** The editable state of a quote: lines and deposit rule, with the live totals they add up to. */
export function useQuoteDraft(quote?: QuoteRow & { quote_line_items: QuoteLineItemRow[] }): QuoteDraft {
  const [lines, setLines] = useState<LineDraft[]>(() => (quote ? quote.quote_line_items.map(lineFromSaved) : [blankLine()]))
  const [depositKind, setDepositKind] = useState<DepositKind>(() =>
    quote?.deposit_amount_cents != null ? 'amount' : quote?.deposit_percent != null ? 'percent' : 'none',
  )
  const [depositPercent, setDepositPercent] = useState(() => String(quote?.deposit_percent ?? ''))
  const [depositAmount, setDepositAmount] = useState(() =>
    quote?.deposit_amount_cents != null ? centsToInput(quote.deposit_amount_cents) : '',
  )

  const priced = lines.map((line) => {
    const p = pricedLine(line)
    return p && { ...p, optionGroup: line.optionGroup, optional: line.optional }
  })
  const totals = priced.every((p) => p !== null) ? quoteDraftTotals(priced as NonNullable<(typeof priced)[number]>[]) : null
  const percent = depositKind === 'percent' ? wholePercent(depositPercent) : null
  const amount = depositKind === 'amount' ? (parseMoneyToCents(depositAmount) ?? Number.NaN) : null
  const validRule =
    (percent === null || (Number.isInteger(percent) && percent >= 1 && percent <= 100)) &&
    (amount === null || (Number.isFinite(amount) && amount >= 1))
  const deposit =
    depositKind === 'none'
      ? null
      : validRule && totals
        ? depositFor(totals.totalCents, { deposit_percent: percent, deposit_amount_cents: amount })
        : undefined

  return {
    lines,
    setLines,
    depositKind,
    setDepositKind,
    depositPercent,
    setDepositPercent,
    depositAmount,
    setDepositAmount,
    totals,
    deposit,
    readInput: (form) => ({
      title: String(form.get('title') ?? ''),
      validUntil: String(form.get('validUntil') ?? ''),
      depositKind,
      depositPercent: percent,
      depositAmountCents: amount,
      notes: String(form.get('notes') ?? ''),
      terms: String(form.get('terms') ?? ''),
      lines: lines.map(quoteLineInput),
    }),
  }
}
