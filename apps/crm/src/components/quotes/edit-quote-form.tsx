'use client'

import { useActionForm } from '@repo/actions/form'
import type { QuoteWithLines } from '@repo/database/repositories'
import { quoteEditWarning, quoteToast } from '@repo/domain/quotes'
import { Button } from '@repo/ui/button'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'
import { updateQuoteAction } from '@/actions/quotes/quote-actions.ts'
import type { CatalogService, TaxRateChoice } from '@/components/line-items/line-draft.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { QuoteFormFields } from './quote-form-fields.tsx'
import { useQuoteDraft } from './use-quote-draft.ts'

/**
 * Changes an open quote. A draft may be sent from here; a quote the customer already has is saved
 * as a new version, which they must approve again (said before they start).
 */
export function EditQuoteForm({
  quote,
  services,
  taxRates,
}: {
  quote: QuoteWithLines
  services: CatalogService[]
  taxRates: TaxRateChoice[]
}) {
  const router = useRouter()
  const { currency } = useStaffSession()
  const draft = useQuoteDraft(quote)
  const [leaving, setLeaving] = useState(false)
  const send = useRef(false)
  const warning = quoteEditWarning(quote.status)
  const { formProps, pending, fieldError } = useActionForm(updateQuoteAction, {
    toInput: (form) => ({
      quoteId: quote.id,
      version: quote.version,
      updatedAt: quote.updated_at,
      send: send.current,
      ...draft.readInput(form),
    }),
    success: (saved) => (send.current ? quoteToast.sent(saved) : quoteToast.updated(saved)),
    onSuccess: (saved) => {
      setLeaving(true)
      router.push(`/quotes/${saved.id}`)
    },
  })
  const busy = pending || leaving
  const choose = (sending: boolean) => () => {
    send.current = sending
  }

  return (
    <form {...formProps} aria-label={`Edit quote ${quote.number}`} noValidate className="space-y-5">
      {warning ? (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {warning}
        </p>
      ) : null}
      <QuoteFormFields
        draft={draft}
        quote={quote}
        defaultValidUntil=""
        services={services}
        taxRates={taxRates}
        currency={currency}
        fieldError={fieldError}
      />
      <div className="flex flex-wrap gap-2">
        {quote.status === 'draft' ? (
          <>
            <Button type="submit" variant="secondary" pending={busy && !send.current} disabled={busy} onClick={choose(false)}>
              Save draft
            </Button>
            <Button type="submit" pending={busy && send.current} disabled={busy} onClick={choose(true)}>
              Save and send
            </Button>
          </>
        ) : (
          <Button type="submit" pending={busy} onClick={choose(false)}>
            Save new version
          </Button>
        )}
        <Button asChild variant="ghost">
          <Link href={`/quotes/${quote.id}`}>Cancel</Link>
        </Button>
      </div>
    </form>
  )
}
