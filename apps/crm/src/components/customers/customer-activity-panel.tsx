'use client'

import { useActionForm } from '@repo/actions/form'
import type { ChangeEvent, ChangeFeedRow, CustomerNoteRow, CustomerRow } from '@repo/database/types'
import { formatDateTime } from '@repo/domain/dates'
import { activityLabel, changeEventVerb } from '@repo/domain/realtime-tables'
import { Button } from '@repo/ui/button'
import { Field } from '@repo/ui/field'
import { Textarea } from '@repo/ui/textarea'
import { useState } from 'react'
import { addCustomerNoteAction } from '@/actions/customers/add-note-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { LiveRefresh } from '@/live/live-refresh.tsx'

/** Staff-only notes plus the change history of the customer and their jobs and invoices. */
export function CustomerActivityPanel({
  customer,
  notes,
  activity,
}: {
  customer: CustomerRow
  notes: CustomerNoteRow[]
  activity: ChangeFeedRow[]
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
      <LiveRefresh tables={['customer_notes']} />
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
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        {activity.length === 0 ? (
          <p className="text-sm text-slate-700">No changes recorded yet.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {activity.map((a) => (
              <li key={a.id} className="flex justify-between gap-3 border-b border-slate-100 py-1">
                <span>
                  {activityLabel(a.table_name)} {changeEventVerb[a.event_type as ChangeEvent] ?? a.event_type}
                </span>
                <time className="text-slate-600" dateTime={a.created_at}>
                  {formatDateTime(a.created_at, timeZone)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}
