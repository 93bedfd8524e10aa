'use client'

import { useAction } from '@repo/actions/form'
import type { JobNote } from '@repo/database/repositories'
import { formatMessageTime } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import { Textarea } from '@repo/ui/textarea'
import { useId, useOptimistic, useState } from 'react'
import { addJobNoteAction } from '@/actions/field-work/onsite-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

/** Notes written on site, oldest first, for the office (the customer never sees them). */
export function VisitNotes({
  jobId,
  notes,
  canWrite,
}: {
  jobId: string
  notes: JobNote[]
  canWrite: boolean
}) {
  const uid = useId()
  const { timeZone, fullName } = useStaffSession()
  const [body, setBody] = useState('')
  const [shown, addShown] = useOptimistic(notes, (current, note: JobNote) => [...current, note])
  const add = useAction(addJobNoteAction, { onSuccess: () => setBody('') })
  const send = () => {
    const text = body.trim()
    if (!text) return
    const id = crypto.randomUUID()
    add.run({ id, jobId, body: text }, () =>
      addShown({
        id,
        job_id: jobId,
        organization_id: '',
        body: text,
        author_staff_id: null,
        author: { id: '', full_name: fullName },
        created_by: null,
        created_at: new Date().toISOString(),
      }),
    )
  }
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-2" data-testid="visit-notes">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        Notes
      </h2>
      {shown.length === 0 ? <p className="text-sm text-slate-600">No notes yet.</p> : null}
      <ul className="space-y-2">
        {shown.map((note) => (
          <li key={note.id} className="rounded-xl border border-slate-200 bg-white p-3">
            <p className="break-words whitespace-pre-wrap">{note.body}</p>
            <p className="mt-1 text-xs text-slate-600">
              {note.author?.full_name ?? 'Staff'} · {formatMessageTime(note.created_at, timeZone)}
            </p>
          </li>
        ))}
      </ul>
      {canWrite ? (
        <div className="space-y-2">
          <label htmlFor={`${uid}-body`} className="sr-only">
            New note
          </label>
          <Textarea
            id={`${uid}-body`}
            value={body}
            maxLength={2000}
            placeholder="What the office should know: what you found, what you did"
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Button
            className="w-full"
            variant="secondary"
            pending={add.pending}
            disabled={!body.trim()}
            onClick={send}
          >
            Add note
          </Button>
        </div>
      ) : null}
    </section>
  )
}
