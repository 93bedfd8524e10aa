'use client'

import { useAction } from '@repo/actions/form'
import type { QuoteRow } from '@repo/database/types'
import { quoteStaffActions, quoteToast } from '@repo/domain/quotes'
import { can } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'
import {
  convertQuoteToInvoiceAction,
  convertQuoteToJobAction,
  deleteQuoteAction,
  sendQuoteAction,
} from '@/actions/quotes/quote-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

/** What staff can do with the quote in its state; the page shows the results (job, invoice) live. */
export function QuoteActions({ quote }: { quote: Pick<QuoteRow, 'id' | 'number' | 'status' | 'job_id' | 'invoice_id'> }) {
  const { role } = useStaffSession()
  const router = useRouter()
  const [confirming, setConfirming] = useState(false)
  const deleteButton = useRef<HTMLButtonElement>(null)
  const send = useAction(sendQuoteAction, { success: quoteToast.sent })
  const remove = useAction(deleteQuoteAction, {
    success: (q) => quoteToast.deleted(q.number),
    onSuccess: () => router.push('/quotes'),
  })
  const toJob = useAction(convertQuoteToJobAction, { success: () => quoteToast.jobCreated(quote.number) })
  const toInvoice = useAction(convertQuoteToInvoiceAction, { success: (invoice) => quoteToast.invoiceCreated(invoice.number) })
  if (!can(role, 'quotes.manage')) return null
  const actions = quoteStaffActions(quote)
  if (actions.length === 0) return null
  const busy = send.pending || remove.pending || toJob.pending || toInvoice.pending
  const input = { quoteId: quote.id }

  return (
    <div className="flex flex-wrap gap-2">
      {actions.includes('edit') ? (
        <Button asChild variant="secondary">
          <Link href={`/quotes/${quote.id}/edit`}>Edit</Link>
        </Button>
      ) : null}
      {actions.includes('send') ? (
        <Button pending={send.pending} disabled={busy} onClick={() => send.run(input)}>
          Send
        </Button>
      ) : null}
      {actions.includes('convert_to_job') ? (
        <Button pending={toJob.pending} disabled={busy} onClick={() => toJob.run(input)}>
          Convert to job
        </Button>
      ) : null}
      {actions.includes('create_invoice') ? (
        <Button variant={actions.includes('convert_to_job') ? 'secondary' : 'primary'} pending={toInvoice.pending} disabled={busy} onClick={() => toInvoice.run(input)}>
          Create invoice
        </Button>
      ) : null}
      {actions.includes('delete') ? (
        <>
          <Button
            ref={deleteButton}
            variant="secondary"
            className="border-red-300 text-red-800 hover:bg-red-50"
            pending={remove.pending}
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            Delete draft
          </Button>
          <LazyConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title={`Delete draft ${quote.number}?`}
            description="The draft and its lines are removed. The customer never saw it."
            cancelLabel="Keep draft"
            confirmLabel="Delete draft"
            onConfirm={() => remove.run(input)}
            returnFocusTo={deleteButton}
          />
        </>
      ) : null}
    </div>
  )
}
