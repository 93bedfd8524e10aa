'use client'

import { useActionForm } from '@repo/actions/form'
import type { CustomerRow } from '@repo/database/types'
import {
  type CustomerContactField,
  customerContactFields,
  customerFieldInputType,
  customerFieldLabel,
} from '@repo/domain/customers'
import { formatTime } from '@repo/domain/dates'
import { useRecordUpdates } from '@repo/realtime'
import { formatAddress } from '@repo/domain/properties'
import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useEffect, useOptimistic, useRef, useState } from 'react'
import { toast } from '@repo/ui/toast'
import { updateCustomerAction } from '@/actions/customers/update-customer-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { SourceField } from './source-field.tsx'
import { TagsInput, type TagsInputHandle } from './tags-input.tsx'

type FieldName = CustomerContactField
type Draft = Record<FieldName, string> & { tags: string[]; source: string }

function toDraft(c: CustomerRow): Draft {
  return {
    ...(Object.fromEntries(customerContactFields.map((name) => [name, c[name] ?? ''])) as Record<FieldName, string>),
    tags: c.tags,
    source: c.source ?? '',
  }
}

function summary(c: Pick<CustomerRow, FieldName>): string {
  return formatAddress(c) || '—'
}

/** The draft as the row it will become (what the summary shows while the save runs). */
function asRow(current: CustomerRow, draft: Draft): CustomerRow {
  const { tags, source, ...contact } = draft
  return {
    ...current,
    ...Object.fromEntries(Object.entries(contact).map(([k, v]) => [k, v.trim() === '' ? null : v.trim()])),
    tags,
    source: source.trim() === '' ? null : source.trim(),
  }
}

/**
 * Edits the record optimistically: the summary shows the new values at once, rolls back (with a
 * toast) if the save fails, and warns instead of overwriting when someone else saved meanwhile.
 */
export function CustomerProfileForm({ customer, canEdit }: { customer: CustomerRow; canEdit: boolean }) {
  const { timeZone } = useStaffSession()
  const [baseline, setBaseline] = useState(customer)
  const [draft, setDraft] = useState<Draft>(() => toDraft(customer))
  const [dirty, setDirty] = useState(false)
  const [conflict, setConflict] = useState<CustomerRow | null>(null)
  // Set by "Save mine over theirs": the save is then checked against their version.
  const overwrite = useRef<CustomerRow | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const tagsInput = useRef<TagsInputHandle>(null)
  const save = useActionForm(updateCustomerAction, {
    toInput: () => {
      const against = overwrite.current ?? baseline
      overwrite.current = null
      setShown(draft)
      const tags = tagsInput.current?.commit() ?? draft.tags
      return { id: customer.id, expectedUpdatedAt: against.updated_at, ...draft, tags }
    },
    success: (result) => (result.status === 'updated' ? 'Customer saved' : null),
    failure: (failure) => `Not saved: ${failure.error}`,
    onSuccess: (result) => {
      if (result.status === 'stale') {
        setConflict(result.current)
        toast.warning('Someone else changed this customer meanwhile. Nothing was overwritten.')
        return
      }
      setConflict(null)
      setDirty(false)
      setBaseline(result.row)
      setDraft(toDraft(result.row))
    },
  })
  const { pending, fieldError } = save
  const [shown, setShown] = useOptimistic(baseline, asRow)

  // The newest row seen, from the server render or straight from a realtime change payload.
  const [latest, setLatest] = useState(customer)
  useEffect(() => {
    setLatest((l) => (Date.parse(customer.updated_at) >= Date.parse(l.updated_at) ? customer : l))
  }, [customer])
  useRecordUpdates('customers', customer.id, {
    onUpdate: (row) => setLatest((l) => (Date.parse(row.updated_at) >= Date.parse(l.updated_at) ? row : l)),
  })

  // A newer row than the one being edited: adopt it, unless the user is mid-edit (then warn).
  useEffect(() => {
    // While our own save is in flight its echo may arrive first; judge only once it has settled.
    if (pending || Date.parse(latest.updated_at) <= Date.parse(baseline.updated_at)) return
    if (dirty) setConflict(latest)
    else {
      setBaseline(latest)
      setDraft(toDraft(latest))
    }
  }, [latest, baseline.updated_at, dirty, pending])

  return (
    <div className="space-y-6">
      <dl data-testid="customer-summary" className="grid gap-3 rounded-lg bg-slate-50 p-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">Name</dt>
          <dd data-testid="summary-name" className="font-medium">
            {shown.first_name} {shown.last_name}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Contact</dt>
          <dd className="font-medium">{[shown.email, shown.phone].filter(Boolean).join(' · ') || '—'}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Mailing address</dt>
          <dd className="font-medium">{summary(shown)}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-600">Tags</dt>
          <dd data-testid="summary-tags" className="mt-1 flex flex-wrap gap-1.5 font-medium">
            {shown.tags.length > 0
              ? shown.tags.map((tag) => (
                  <Badge key={tag} tone="info" className="whitespace-normal break-all">
                    {tag}
                  </Badge>
                ))
              : '—'}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Source</dt>
          <dd data-testid="summary-source" className="font-medium break-words">
            {shown.source ?? '—'}
          </dd>
        </div>
        {pending ? <p className="text-xs text-slate-600 sm:col-span-3">Saving…</p> : null}
      </dl>

      {conflict ? (
        <div role="alert" data-testid="stale-warning" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-semibold">Another staff member changed this customer while you were editing.</p>
          <p className="mt-1">
            Their version (saved {formatTime(conflict.updated_at, timeZone)}): {conflict.first_name} {conflict.last_name}
            {[conflict.email, conflict.phone].filter(Boolean).map((v) => ` · ${v}`).join('')} · {summary(conflict)}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                setBaseline(conflict)
                setDraft(toDraft(conflict))
                setDirty(false)
                setConflict(null)
              }}
              className="border-amber-400"
            >
              Use their version
            </Button>
            <Button
              disabled={pending || !canEdit}
              onClick={() => {
                setBaseline(conflict)
                setConflict(null)
                overwrite.current = conflict
                form.current?.requestSubmit()
              }}
            >
              Save mine over theirs
            </Button>
          </div>
        </div>
      ) : null}

      <form
        {...save.formProps}
        ref={form}
        noValidate
        aria-label="Customer profile"
        className="grid gap-4 sm:grid-cols-2"
      >
        {customerContactFields.map((name) => (
          <TextField
            key={name}
            label={customerFieldLabel[name]}
            name={name}
            type={customerFieldInputType(name)}
            value={draft[name]}
            disabled={!canEdit}
            error={fieldError(name)}
            onChange={(e) => {
              setDraft((d) => ({ ...d, [name]: e.target.value }))
              setDirty(true)
            }}
          />
        ))}
        <div className="sm:col-span-2">
          <TagsInput
            ref={tagsInput}
            id="profile-tags"
            tags={draft.tags}
            disabled={!canEdit}
            error={fieldError('tags')}
            onChange={(tags) => {
              setDraft((d) => ({ ...d, tags }))
              setDirty(true)
            }}
          />
        </div>
        <div className="sm:col-span-2">
          <SourceField
            key={baseline.updated_at}
            id="profile-source"
            value={draft.source}
            disabled={!canEdit}
            error={fieldError('source')}
            onChange={(source) => {
              setDraft((d) => ({ ...d, source }))
              setDirty(true)
            }}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          {canEdit ? (
            <Button type="submit" disabled={!dirty} pending={pending}>
              {pending ? 'Saving…' : 'Save changes'}
            </Button>
          ) : (
            <p className="text-sm text-slate-700">Your role can view but not edit customer records.</p>
          )}
          {dirty && !pending ? (
            <Button
              variant="ghost"
              onClick={() => {
                setDraft(toDraft(baseline))
                setDirty(false)
              }}
            >
              Discard changes
            </Button>
          ) : null}
        </div>
      </form>
    </div>
  )
}
