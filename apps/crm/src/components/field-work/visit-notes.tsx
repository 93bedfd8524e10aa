'use client'

import type { JobNote } from '@repo/database/repositories'
import { formatMessageTime } from '@repo/domain/dates'
import { offlineWording } from '@repo/domain/field-work'
import { Button } from '@repo/ui/button'
import { Textarea } from '@repo/ui/textarea'
import { useId, useState } from 'react'
import { toast } from 'sonner'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { fieldKinds, type NotePayload } from '@/offline/field/field-kinds.ts'
import { useVisit } from '@/offline/offline-visit.tsx'

/**
 * Notes written on site, oldest first, for the office (the customer never sees them). A new note
 * goes through the offline queue: sent at once with a connection, else kept on the phone and
 * shown as waiting until it is.
 */
export function VisitNotes({ notes, canWrite }: { notes: JobNote[]; canWrite: boolean }) {
  const uid = useId()
  const { timeZone, fullName } = useStaffSession()
  const visit = useVisit()
  const [body, setBody] = useState('')
  const [saving, setSaving] = useState(false)
  const sent = new Set(notes.map((n) => n.id))
  const waiting = visit.queued
    .filter((a) => a.kind === fieldKinds.note)
    .map((a) => a.payload as NotePayload)
    .filter((n) => !sent.has(n.id))
  const send = async () => {
    const text = body.trim()
    if (!text) return
    setSaving(true)
    try {
      await visit.change<NotePayload>(fieldKinds.note, { id: crypto.randomUUID(), body: text })
      setBody('')
    } catch (error) {
      toast.error(error instanceof Error ? error.message : 'The note could not be kept.')
    } finally {
      setSaving(false)
    }
  }
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-2" data-testid="visit-notes">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        Notes
      </h2>
      {notes.length + waiting.length === 0 ? (
        <p className="text-sm text-slate-600">No notes yet.</p>
      ) : null}
      <ul className="space-y-2">
        {notes.map((note) => (
          <li key={note.id} className="rounded-xl border border-slate-200 bg-white p-3">
            <p className="break-words whitespace-pre-wrap">{note.body}</p>
            <p className="mt-1 text-xs text-slate-600">
              {note.author?.full_name ?? 'Staff'} · {formatMessageTime(note.created_at, timeZone)}
            </p>
          </li>
        ))}
        {waiting.map((note) => (
          <li
            key={note.id}
            data-testid="note-waiting"
            className="rounded-xl border border-amber-300 bg-amber-50 p-3"
          >
            <p className="break-words whitespace-pre-wrap">{note.body}</p>
            <p className="mt-1 text-xs text-amber-900">
              {fullName} · {offlineWording.waiting}
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
            pending={saving}
            disabled={!body.trim() || !visit.ready}
            onClick={() => void send()}
          >
            Add note
          </Button>
        </div>
      ) : null}
    </section>
  )
}
