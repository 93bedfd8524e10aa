'use client'

import { useActionForm } from '@repo/actions/form'
import { customerFieldInputType, customerFieldLabel } from '@repo/domain/customers'
import { DEFAULT_PROPERTY_LABEL, MAX_ACCESS_NOTES_CHARS } from '@repo/domain/properties'
import { Button } from '@repo/ui/button'
import { TextAreaField, TextField } from '@repo/ui/field'
import { useRouter } from 'next/navigation'
import { type FormEvent, useRef, useState } from 'react'
import { toast } from '@repo/ui/toast'
import {
  createCustomerAction,
  type NewCustomerOutcome,
} from '@/actions/customers/create-customer-action.ts'
import type { DuplicateMatch } from '@/actions/customers/duplicate-match.ts'
import { DuplicateDialog } from './duplicate-dialog.tsx'
import { DuplicateMatches } from './duplicate-matches.tsx'
import { SourceField } from './source-field.tsx'
import { TagsInput, type TagsInputHandle } from './tags-input.tsx'
import { useDuplicateCheck } from './use-duplicate-check.ts'

const text = (form: FormData, name: string) => String(form.get(name) ?? '')
const addressFields = ['address_line1', 'address_line2', 'city', 'region', 'postal_code'] as const
const section = 'space-y-4 border-t border-slate-200 pt-5 first:border-t-0 first:pt-0'

/** What the next submit does: create (perhaps despite a duplicate), or merge into a match. */
type Intent = { allowDuplicate: boolean; mergeInto: string | null }

/**
 * A new customer: contact details, their address (which becomes their main property, with its
 * access notes), tags, source and a first note. Possible duplicates (same e-mail or phone) show as
 * the e-mail or phone is typed and again on submit; the office opens one, merges into one, or
 * creates anyway, and is asked before a submit ignores them.
 */
export function NewCustomerForm() {
  const router = useRouter()
  const [email, setEmail] = useState('')
  const [phone, setPhone] = useState('')
  const [tags, setTags] = useState<string[]>([])
  const [source, setSource] = useState('')
  const tagsInput = useRef<TagsInputHandle>(null)
  const form = useRef<HTMLFormElement>(null)
  const { matches, setMatches } = useDuplicateCheck(email, phone)
  // "Create anyway" answers for the matches shown at the time (new matches ask again).
  const [acceptedFor, setAcceptedFor] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const [leaving, setLeaving] = useState(false)
  const intent = useRef<Intent>({ allowDuplicate: false, mergeInto: null })
  const matchKey = matches.map((m) => m.id).join(',')
  const accepted = matches.length > 0 && acceptedFor === matchKey

  const { formProps, pending, fieldError } = useActionForm(createCustomerAction, {
    toInput: (data: FormData) => {
      const { allowDuplicate, mergeInto } = intent.current
      intent.current = { allowDuplicate: false, mergeInto: null }
      return {
        first_name: text(data, 'first_name'),
        last_name: text(data, 'last_name'),
        email,
        phone,
        ...Object.fromEntries(addressFields.map((name) => [name, text(data, name)])),
        property_label: text(data, 'property_label'),
        access_notes: text(data, 'access_notes'),
        tags: tagsInput.current?.commit() ?? tags,
        source,
        note: text(data, 'note'),
        allowDuplicate,
        mergeInto,
      }
    },
    success: (outcome: NewCustomerOutcome) =>
      outcome.status === 'created'
        ? `${outcome.customer.first_name} ${outcome.customer.last_name} added`
        : outcome.status === 'merged'
          ? `Added to ${outcome.customer.first_name} ${outcome.customer.last_name}’s record`
          : null,
    onSuccess: (outcome) => {
      if (outcome.status === 'duplicates') {
        setMatches(outcome.matches)
        setAsking(true)
        return
      }
      for (const warning of outcome.warnings) toast.warning(warning)
      setLeaving(true)
      setAsking(false)
      router.push(`/customers/${outcome.customer.id}`)
    },
  })
  const busy = pending || leaving

  const submit = (next: Intent) => {
    intent.current = next
    form.current?.requestSubmit()
  }
  const merge = (match: DuplicateMatch) => submit({ allowDuplicate: false, mergeInto: match.id })
  const createAnyway = () => {
    setAcceptedFor(matchKey)
    setAsking(false)
    submit({ allowDuplicate: true, mergeInto: null })
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const { mergeInto } = intent.current
    // A duplicate on screen that nobody answered: ask before adding a second record.
    if (!mergeInto && matches.length > 0 && !accepted && !intent.current.allowDuplicate) {
      event.preventDefault()
      setAsking(true)
      return
    }
    if (accepted) intent.current = { ...intent.current, allowDuplicate: true }
    formProps.onSubmit(event)
  }

  return (
    <>
      <form
        {...formProps}
        onSubmit={onSubmit}
        ref={form}
        noValidate
        aria-label="New customer"
        className="space-y-5"
      >
        <section aria-labelledby="contact-heading" className={section}>
          <h2 id="contact-heading" className="text-lg font-semibold">
            Contact
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {(['first_name', 'last_name'] as const).map((name) => (
              <TextField
                key={name}
                label={customerFieldLabel[name]}
                name={name}
                required
                autoComplete="off"
                error={fieldError(name)}
              />
            ))}
            <TextField
              label={customerFieldLabel.email}
              name="email"
              type={customerFieldInputType('email')}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="off"
              error={fieldError('email')}
            />
            <TextField
              label={customerFieldLabel.phone}
              name="phone"
              type={customerFieldInputType('phone')}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              autoComplete="off"
              error={fieldError('phone')}
            />
          </div>
          <div aria-live="polite">
            {matches.length > 0 && !accepted ? (
              <div
                data-testid="duplicate-warning"
                className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
              >
                <p className="font-semibold">This customer may already exist.</p>
                <DuplicateMatches
                  matches={matches}
                  typed={{ email, phone }}
                  onMerge={merge}
                  pending={busy}
                />
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setAcceptedFor(matchKey)}
                  className="-ml-3"
                >
                  Create anyway
                </Button>
              </div>
            ) : null}
          </div>
        </section>

        <section aria-labelledby="address-heading" className={section}>
          <div>
            <h2 id="address-heading" className="text-lg font-semibold">
              Address and access
            </h2>
            <p className="text-sm text-slate-700">
              Their mailing address, and their main service address (more on the Properties tab).
            </p>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {addressFields.map((name) => (
              <TextField
                key={name}
                label={customerFieldLabel[name]}
                name={name}
                autoComplete="off"
                error={fieldError(name)}
              />
            ))}
            <TextField
              label="Property label"
              name="property_label"
              defaultValue={DEFAULT_PROPERTY_LABEL}
              hint="What the office calls this address."
              error={fieldError('property_label')}
            />
            <TextAreaField
              label="Access notes"
              name="access_notes"
              rows={2}
              maxLength={MAX_ACCESS_NOTES_CHARS}
              placeholder="Gate code, pets, parking…"
              hint="Technicians see these at the door."
              error={fieldError('access_notes')}
              className="sm:col-span-2"
            />
          </div>
        </section>

        <section aria-labelledby="more-heading" className={section}>
          <h2 id="more-heading" className="text-lg font-semibold">
            More about them
          </h2>
          <TagsInput
            ref={tagsInput}
            id="customer-tags"
            tags={tags}
            onChange={setTags}
            error={fieldError('tags')}
          />
          <SourceField
            id="customer-source"
            value={source}
            onChange={setSource}
            error={fieldError('source')}
          />
          <TextAreaField
            label="First note"
            name="note"
            rows={3}
            hint="Only staff see notes."
            error={fieldError('note')}
          />
        </section>

        <Button type="submit" pending={busy}>
          {busy ? 'Adding…' : 'Add customer'}
        </Button>
      </form>

      <DuplicateDialog
        open={asking}
        onOpenChange={setAsking}
        matches={matches}
        typed={{ email, phone }}
        onMerge={merge}
        onCreateAnyway={createAnyway}
        pending={busy}
      />
    </>
  )
}
