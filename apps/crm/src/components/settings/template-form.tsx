'use client'

import { useAction, useActionForm } from '@repo/actions/form'
import type { ActionResult } from '@repo/actions/result'
import type { NotificationChannel } from '@repo/notifications'
import { type TemplateEvent, templateLimits } from '@repo/notifications/template-variables'
import { Button } from '@repo/ui/button'
import { TextAreaField, TextField } from '@repo/ui/field'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import { useEffect, useRef, useState } from 'react'
import {
  previewTemplateAction,
  type TemplatePreview as Preview,
} from '@/actions/notification-templates/preview-template-action.ts'
import {
  resetTemplateAction,
  saveTemplateAction,
} from '@/actions/notification-templates/template-actions.ts'
import type { SavedTemplate } from './template-editor.tsx'
import { TemplatePreview } from './template-preview.tsx'

/** How long typing pauses before the preview is rendered again. */
const PREVIEW_DELAY_MS = 300

/** One event's words on one channel, with the live preview beside them. */
export function TemplateForm({
  event,
  label,
  channel,
  variables,
  saved,
}: {
  event: TemplateEvent
  label: string
  channel: NotificationChannel
  variables: { name: string; help: string }[]
  saved: SavedTemplate | null
}) {
  const [subject, setSubject] = useState(saved?.subject ?? '')
  const [body, setBody] = useState(saved?.body ?? '')
  const [preview, setPreview] = useState<ActionResult<Preview> | null>(null)
  const [confirming, setConfirming] = useState(false)
  const resetButton = useRef<HTMLButtonElement>(null)
  const { formProps, pending, fieldError } = useActionForm(saveTemplateAction, {
    success: `Saved your words for “${label}”`,
  })
  const reset = useAction(resetTemplateAction, {
    success: `“${label}” is back to the default words`,
    onSuccess: () => {
      setSubject('')
      setBody('')
    },
  })

  // The preview follows the draft (saved or not); a slower, older answer never replaces a newer one.
  const latest = useRef(0)
  useEffect(() => {
    const call = ++latest.current
    const timer = setTimeout(async () => {
      const result = await previewTemplateAction({ event, channel, subject, body })
      if (call === latest.current) setPreview(result)
    }, PREVIEW_DELAY_MS)
    return () => clearTimeout(timer)
  }, [event, channel, subject, body])

  const previewError = (field: 'subject' | 'body') =>
    preview && !preview.ok ? preview.fieldErrors?.[field]?.[0] : undefined
  const limit = channel === 'sms' ? templateLimits.smsBody : templateLimits.emailBody

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form {...formProps} noValidate aria-label={`Words for ${label}`} className="space-y-4">
        <input type="hidden" name="event" value={event} />
        <input type="hidden" name="channel" value={channel} />
        {channel === 'email' ? (
          <TextField
            label="Subject"
            name="subject"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            maxLength={templateLimits.subject}
            placeholder="The default subject"
            hint="Empty: the default subject."
            error={fieldError('subject') ?? previewError('subject')}
          />
        ) : null}
        <TextAreaField
          label={channel === 'email' ? 'Message' : 'Text message'}
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={channel === 'email' ? 8 : 4}
          maxLength={limit}
          placeholder="The default message"
          hint={`Empty: the default words. One paragraph per line; at most ${limit} characters.`}
          error={fieldError('body') ?? previewError('body')}
        />
        <div>
          <p className="text-sm font-medium">Variables</p>
          <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Variables this message can use">
            {variables.map((v) => (
              <li key={v.name}>
                <code
                  title={v.help}
                  className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800"
                >{`{{${v.name}}}`}</code>
              </li>
            ))}
          </ul>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" pending={pending}>
            Save
          </Button>
          {saved ? (
            <Button
              ref={resetButton}
              type="button"
              variant="secondary"
              pending={reset.pending}
              onClick={() => setConfirming(true)}
            >
              Reset to default
            </Button>
          ) : null}
        </div>
      </form>
      <TemplatePreview channel={channel} preview={preview} />
      <LazyConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Use the default words for “${label}”?`}
        description="Your subject and message for this channel are deleted; customers get the built-in words again."
        confirmLabel="Reset to default"
        cancelLabel="Keep my words"
        onConfirm={() => reset.run({ event, channel })}
        returnFocusTo={resetButton}
      />
    </div>
  )
}
