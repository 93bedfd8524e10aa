'use client'

import type { QuoteLineItemRow, QuoteRow } from '@repo/database/types'
import {
  choiceTotals,
  depositFor,
  depositRuleText,
  initialChoice,
  keepChoice,
  missingGroups,
  optionGroups,
  toggleChoice,
  toLineChoice,
} from '@repo/domain/quotes'
import { Button } from '@repo/ui/button'
import { Card, CardHeader } from '@repo/ui/card'
import { lazy, Suspense, useMemo, useRef, useState } from 'react'
import type { ApprovalSnapshot } from './approve-dialog'
import { QuoteChoices } from './quote-choices'
import { QuoteTotals } from './quote-totals'

// The dialogs (Radix, the signature pad) load when first opened, not with the page.
const loadApproveDialog = () => import('./approve-dialog')
const ApproveDialog = lazy(loadApproveDialog)
const DeclineDialog = lazy(() => import('./decline-dialog'))

interface Props {
  quote: Pick<QuoteRow, 'id' | 'number' | 'version' | 'deposit_percent' | 'deposit_amount_cents' | 'terms'>
  lines: QuoteLineItemRow[]
  businessName: string
  currency: string
}

/**
 * A quote waiting for the customer's answer: they choose among the options (the total and deposit
 * follow as they choose), then approve with a signature or decline with a reason. A new version
 * arriving live keeps their choices where the lines are still there and says the quote changed.
 */
export function QuoteAnswer({ quote, lines, businessName, currency }: Props) {
  const choices = useMemo(() => lines.map(toLineChoice), [lines])
  const { version } = quote
  const [openedVersion] = useState(version)
  // The choices belong to one version of the quote; a new one keeps what still applies.
  const [choice, setChoice] = useState(() => ({ version, chosen: initialChoice(choices) }))
  const chosen = choice.version === version ? choice.chosen : keepChoice(choices, choice.chosen)
  if (choice.version !== version) setChoice({ version, chosen })
  const [missing, setMissing] = useState<string[]>([])

  const totals = choiceTotals(choices, chosen)
  const depositCents = depositFor(totals.totalCents, quote)
  const depositRule = depositRuleText(quote, currency)

  const [dialog, setDialog] = useState<'approve' | 'decline' | null>(null)
  const [loaded, setLoaded] = useState({ approve: false, decline: false })
  const [snapshot, setSnapshot] = useState<ApprovalSnapshot & { key: number }>()
  const approveButton = useRef<HTMLButtonElement>(null)
  const declineButton = useRef<HTMLButtonElement>(null)

  const toggle = (id: string) => {
    setChoice({ version, chosen: toggleChoice(choices, chosen, id) })
    setMissing([])
  }

  const approve = () => {
    const unanswered = missingGroups(choices, chosen)
    if (unanswered.length > 0) {
      setMissing(unanswered)
      const index = optionGroups(choices).indexOf(unanswered[0] as string)
      document.querySelector<HTMLInputElement>(`input[name="option-${index}"]`)?.focus()
      return
    }
    setSnapshot({
      key: (snapshot?.key ?? 0) + 1,
      version,
      chosen,
      choices: lines.filter((line) => chosen.includes(line.id)).map((line) => line.description),
      totalCents: totals.totalCents,
      depositCents,
    })
    setLoaded((current) => ({ ...current, approve: true }))
    setDialog('approve')
  }

  return (
    <>
      {version !== openedVersion ? (
        <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="quote-changed">
          We updated this quote while you were reading it (now version {version}). Please check your choices and the total.
        </p>
      ) : null}
      <Card aria-labelledby="choices-heading">
        <CardHeader id="choices-heading" title="What’s in the quote" />
        <QuoteChoices lines={lines} chosen={chosen} onToggle={toggle} currency={currency} missing={missing} />
      </Card>
      <Card aria-labelledby="answer-heading">
        <CardHeader id="answer-heading" title="Your total" />
        <QuoteTotals totals={totals} currency={currency} deposit={depositRule ? { cents: depositCents, rule: depositRule } : null} />
        {quote.terms ? (
          <div className="mt-4 border-t border-slate-200 pt-3 text-sm">
            <h3 className="font-semibold">Terms</h3>
            <p className="whitespace-pre-line text-slate-700">{quote.terms}</p>
          </div>
        ) : null}
        <div className="mt-4 flex flex-col gap-2 sm:flex-row">
          <Button
            ref={approveButton}
            onClick={approve}
            onPointerEnter={() => void loadApproveDialog()}
            onFocus={() => void loadApproveDialog()}
            className="sm:min-w-40"
          >
            Approve
          </Button>
          <Button
            ref={declineButton}
            variant="secondary"
            onClick={() => {
              setLoaded((current) => ({ ...current, decline: true }))
              setDialog('decline')
            }}
          >
            Decline
          </Button>
        </div>
      </Card>
      <Suspense fallback={null}>
        {loaded.approve && snapshot ? (
          <ApproveDialog
            key={snapshot.key}
            open={dialog === 'approve'}
            onOpenChange={(open) => setDialog(open ? 'approve' : null)}
            quote={quote}
            snapshot={snapshot}
            currentVersion={version}
            depositRule={depositRule}
            currency={currency}
            returnFocusTo={approveButton}
          />
        ) : null}
        {loaded.decline ? (
          <DeclineDialog
            open={dialog === 'decline'}
            onOpenChange={(open) => setDialog(open ? 'decline' : null)}
            quote={quote}
            businessName={businessName}
            returnFocusTo={declineButton}
          />
        ) : null}
      </Suspense>
    </>
  )
}
