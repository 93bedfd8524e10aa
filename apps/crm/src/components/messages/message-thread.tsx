'use client'

import type { SignedAttachment } from '@repo/database/repositories'
import type { CustomerRow, MessageRow } from '@repo/database/types'
import { formatMessageTime } from '@repo/domain/dates'
import { MAX_MESSAGE_CHARS, messageLength } from '@repo/domain/messages'
import { useMessageUpdates, useTypingIndicator } from '@repo/realtime'
import { useAction } from '@repo/actions/form'
import { Button } from '@repo/ui/button'
import { Label } from '@repo/ui/label'
import { MessagePhotos } from '@repo/ui/message-photos'
import { Textarea } from '@repo/ui/textarea'
import { useEffect, useOptimistic, useRef, useState } from 'react'
import { markThreadReadAction } from '@/actions/messages/mark-thread-read-action.ts'
import { sendMessageAction } from '@/actions/messages/send-message-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { useDebouncedRefresh } from '@/live/use-debounced-refresh.ts'

type Shown = MessageRow & { pending?: boolean }

/** One customer's thread: live, read receipts both ways, customer typing indicator, optimistic send. */
export function MessageThread({
  customer,
  messages,
  photos,
}: {
  customer: CustomerRow
  messages: MessageRow[]
  /** Signed photos by message id (the customer's, sent with their messages). */
  photos: Record<string, SignedAttachment[]>
}) {
  const { fullName, timeZone } = useStaffSession()
  const [body, setBody] = useState('')
  const sent = useRef('')
  const message = useAction(sendMessageAction, {
    failure: (failure) => `Message not sent: ${failure.error}`,
    // Give the text back so nothing typed is lost.
    onFailure: () => setBody(sent.current),
  })
  const { pending } = message
  const error = message.result?.ok === false ? (message.fieldError('body') ?? message.result.error) : undefined
  const [shown, addShown] = useOptimistic<Shown[], Shown>(messages, (list, next) => [...list, next])
  const { typistName, notifyTyping, clearTyping } = useTypingIndicator(customer.id, { sender: 'staff', name: fullName })
  const list = useRef<HTMLOListElement>(null)
  const refresh = useDebouncedRefresh()
  useMessageUpdates(customer.id, {
    // Their message has arrived, so they are no longer typing it.
    onNewMessage: (message) => {
      if (message.sender_type === 'customer') clearTyping()
    },
    onChange: refresh,
    onResync: refresh,
  })

  const unreadFromCustomer = messages.some((m) => m.sender_type === 'customer' && m.read_at === null)
  // Opening the thread (or a new customer message arriving while open) marks it read.
  useEffect(() => {
    if (unreadFromCustomer) void markThreadReadAction({ customerId: customer.id })
  }, [unreadFromCustomer, customer.id])
  useEffect(() => {
    const el = list.current
    if (el) el.scrollTop = el.scrollHeight
  }, [shown.length])

  const { tooLong, counter } = messageLength(body)
  // The counter appears as the limit comes near (the database enforces the same limit).
  const nearLimit = body.length >= MAX_MESSAGE_CHARS * 0.9
  const send = () => {
    if (pending || tooLong || body.trim() === '') return
    sent.current = body
    setBody('')
    notifyTyping(false)
    message.run({ customerId: customer.id, body: sent.current }, () =>
      addShown({
        id: `pending-${Date.now()}`,
        body: sent.current.trim(),
        sender_type: 'staff',
        created_at: new Date().toISOString(),
        read_at: null,
        pending: true,
      } as Shown),
    )
  }

  return (
    <section aria-label={`Conversation with ${customer.first_name} ${customer.last_name}`} className="flex min-w-0 flex-col gap-3">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling thread must be reachable by keyboard (WCAG 2.1.1) */}
      <ol ref={list} tabIndex={0} aria-label="Messages" aria-live="polite" className="max-h-[60vh] space-y-2 overflow-y-auto rounded-lg bg-slate-50 p-3">
        {shown.length === 0 ? <li className="p-4 text-center text-sm text-slate-700">No messages yet. Say hello.</li> : null}
        {shown.map((m) => {
          const mine = m.sender_type === 'staff'
          return (
            <li key={m.id} data-message-id={m.id} className={`flex ${mine ? 'justify-end' : 'justify-start'}`}>
              <div className={`max-w-[80%] rounded-2xl px-3 py-2 text-sm ${mine ? 'bg-sky-700 text-white' : 'border border-slate-200 bg-white'} ${m.pending ? 'opacity-60' : ''}`}>
                <MessagePhotos photos={photos[m.id] ?? []} altPrefix={mine ? 'Photo' : `Photo from ${customer.first_name}`} />
                <p className="whitespace-pre-wrap wrap-anywhere">{m.body}</p>
                <p className={`mt-1 text-xs ${mine ? 'text-sky-100' : 'text-slate-600'}`}>
                  {mine ? 'Staff' : customer.first_name} · {formatMessageTime(m.created_at, timeZone)}
                  {mine ? (m.pending ? ' · Sending…' : m.read_at ? ' · Read' : ' · Delivered') : null}
                </p>
              </div>
            </li>
          )
        })}
      </ol>
      <p aria-live="polite" data-testid="typing-indicator" className="h-5 text-sm text-slate-600">
        {typistName !== null ? `${customer.first_name} is typing…` : ''}
      </p>
      {customer.portal_user_id ? null : (
        <p role="note" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="no-portal-login">
          {customer.first_name} has no portal login, so they will not see this message. Invite them from the
          Profile tab, or reach them by phone or e-mail.
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          send()
        }}
        className="flex items-end gap-2"
      >
        <div className="min-w-0 flex-1">
          <Label htmlFor="message-body" className="sr-only">
            Message to {customer.first_name}
          </Label>
          <Textarea
            id="message-body"
            rows={2}
            value={body}
            placeholder={`Message ${customer.first_name}…`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'message-error' : nearLimit ? 'message-length' : undefined}
            onChange={(e) => {
              setBody(e.target.value)
              notifyTyping(e.target.value.length > 0)
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault()
                send()
              }
            }}
          />
          {error ? (
            <p id="message-error" className="text-sm text-red-800">
              {error}
            </p>
          ) : nearLimit ? (
            <p id="message-length" className={tooLong ? 'text-sm text-red-800' : 'text-sm text-slate-700'}>
              {counter}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={pending || tooLong || body.trim() === ''}>
          Send
        </Button>
      </form>
    </section>
  )
}
