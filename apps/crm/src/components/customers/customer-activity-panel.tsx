'use client'

import { useActionForm } from '@repo/actions/form'
import type { CustomerNoteRow, CustomerRow } from '@repo/database/types'
import { formatDateTime } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import { Field } from '@repo/ui/field'
import { Textarea } from '@repo/ui/textarea'
import Link from 'next/link'
import { type ReactNode, useState } from 'react'
import { addCustomerNoteAction } from '@/actions/customers/add-note-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { LiveRefresh } from '@/live/live-refresh.tsx'

/**
 * Staff-only notes plus the audit trail of the customer and their jobs, invoices and points
 * (rendered on the server and passed in), or of one of those records when `record` is set.
 */
export function CustomerActivityPanel({
  customer,
  notes,
  history,
  record,
}: {
  customer: CustomerRow
  notes: CustomerNoteRow[]
  history: ReactNode
  record?: { label: string }
}) {
  const { timeZone } = useStaffSession()
  const [body, setBody] = useState('')
  const note = useActionForm(addCustomerNoteAction, {
    toInput: (form) => ({ customerId: customer.id, body: String(form.get('body') ?? '') }),
    success: 'Note added',
    // The reason is shown under the note field instead.
    failure: false,
    onSuccess: () => setBody(''),
  })
  const error = note.result?.ok === false ? (note.fieldError('body') ?? note.result.error) : undefined
  const pending = note.pending

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <LiveRefresh tables={['customer_notes', 'customers', 'jobs', 'invoices', 'loyalty_transactions']} />
      <section aria-labelledby="notes-heading" className="space-y-3">
        <h2 id="notes-heading" className="text-lg font-semibold">
          Internal notes
        </h2>
        <form {...note.formProps} className="space-y-2">
          <Field id="note-body" label="New note (staff only)" error={error}>
            {(control) => <Textarea {...control} name="body" value={body} onChange={(e) => setBody(e.target.value)} rows={3} />}
          </Field>
          <Button type="submit" pending={pending}>
            {pending ? 'Adding…' : 'Add note'}
          </Button>
        </form>
        {notes.length === 0 ? (
          <p className="text-sm text-slate-700">No notes yet.</p>
        ) : (
          <ul className="space-y-2">
            {notes.map((n) => (
              <li key={n.id} className="rounded-lg border border-slate-200 p-3 text-sm">
                <p className="whitespace-pre-wrap">{n.body}</p>
                <p className="mt-1 text-xs text-slate-600">{formatDateTime(n.created_at, timeZone)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="history-heading" className="text-lg font-semibold">
            {record ? `History of ${record.label}` : 'History'}
          </h2>
          {record ? (
            <Link href={`/customers/${customer.id}?tab=activity`} className="text-sm font-medium text-sky-800 underline">
              All activity
            </Link>
          ) : null}
        </div>
        {history}
      </section>
    </div>
  )
}
