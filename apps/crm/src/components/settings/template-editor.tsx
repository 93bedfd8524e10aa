'use client'

import type { NotificationChannel } from '@repo/notifications'
import type { TemplateEvent } from '@repo/notifications/template-variables'
import { Label } from '@repo/ui/label'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { Button } from '@repo/ui/button'
import { useState } from 'react'
import { TemplateForm } from './template-form.tsx'

export interface EditableEvent {
  event: TemplateEvent
  label: string
  variables: { name: string; help: string }[]
}

export interface SavedTemplate {
  event: string
  channel: NotificationChannel
  subject: string | null
  body: string | null
}

/**
 * The business's own words per notification: pick the event (every event of the template
 * registry) and the channel, write, see the message as the customer will, save or reset.
 */
export function TemplateEditor({
  events,
  templates,
}: {
  events: EditableEvent[]
  templates: SavedTemplate[]
}) {
  const [event, setEvent] = useState<TemplateEvent | undefined>(events[0]?.event)
  const [channel, setChannel] = useState<NotificationChannel>('email')
  const current = events.find((e) => e.event === event)
  if (!current) return null
  const saved = templates.find((t) => t.event === current.event && t.channel === channel) ?? null
  const customised = new Set(templates.map((t) => t.event))
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="space-y-1 sm:w-80">
          <Label htmlFor="template-event">Notification</Label>
          <NativeSelect
            id="template-event"
            value={current.event}
            onChange={(e) => setEvent(e.target.value as TemplateEvent)}
          >
            {events.map((e) => (
              <NativeSelectOption key={e.event} value={e.event}>
                {e.label}
                {customised.has(e.event) ? ' (your words)' : ''}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
        {/* A switch between two forms, not tabs with panels: two pressed-or-not buttons. */}
        <fieldset className="flex gap-1">
          <legend className="sr-only">Channel</legend>
          {(
            [
              ['email', 'E-mail'],
              ['sms', 'Text message'],
            ] as const
          ).map(([value, text]) => (
            <Button
              key={value}
              type="button"
              variant={channel === value ? 'primary' : 'secondary'}
              aria-pressed={channel === value}
              onClick={() => setChannel(value)}
            >
              {text}
            </Button>
          ))}
        </fieldset>
      </div>
      <TemplateForm
        key={`${current.event}:${channel}`}
        event={current.event}
        label={current.label}
        channel={channel}
        variables={current.variables}
        saved={saved}
      />
    </div>
  )
}
