'use client'

import type { SignedAttachment } from '@repo/database/repositories'
import type { MessageRow } from '@repo/database/types'
import { uploadFile } from '@repo/database/uploads'
import { useTypingIndicator } from '@repo/realtime'
import { EmptyState } from '@repo/ui/empty-state'
import { useAction } from '@repo/actions/form'
import { useRouter } from 'next/navigation'
import { useEffect, useOptimistic, useRef, useState } from 'react'
import { toast } from '@repo/ui/toast'
import { markMessagesReadAction } from '@/actions/messages/mark-read-action'
import { sendMessageAction } from '@/actions/messages/send-message-action'
import { prepareMessagePhotoAction, recordMessagePhotoAction } from '@/actions/uploads/upload-actions'
import { usePortalLive } from '../live/portal-live-context'
import { MessageBubble, type ThreadMessage } from './message-bubble'
import { MessageComposer } from './message-composer'

/**
 * The thread. Server props are the truth (refreshed live by the portal's channel); a sent message
 * shows at once as "Sending…" and disappears again with an error toast if the send fails.
 */
export function MessageThread({
  messages,
  photos,
  timeZone,
}: {
  messages: MessageRow[]
  /** Signed photos by message id. */
  photos: Record<string, SignedAttachment[]>
  timeZone: string
}) {
  const { customerId, organizationId, userId, customerName } = usePortalLive()
  const router = useRouter()
  const [optimistic, addOptimistic] = useOptimistic<ThreadMessage[], ThreadMessage>(messages, (list, m) => [...list, m])
  // The photo of the message being sent: it goes up once the message is stored (it names the message).
  const photo = useRef<File | null>(null)
  const [photoProgress, setPhotoProgress] = useState<number | null>(null)
  const attachPhoto = async (messageId: string, file: File) => {
    setPhotoProgress(0)
    try {
      await uploadFile(file, {
        prepare: (facts) => prepareMessagePhotoAction({ messageId, file: facts }),
        record: (facts, path) => recordMessagePhotoAction({ messageId, path, file: facts }),
        onProgress: ({ loaded, total }) => setPhotoProgress((loaded / total) * 100),
      })
      router.refresh()
    } catch (error) {
      toast.error(`Your photo was not sent: ${error instanceof Error ? error.message : 'please try again.'}`)
    } finally {
      setPhotoProgress(null)
    }
  }
  // A refused message names its problem (the body's own message when there is one).
  const send = useAction(sendMessageAction, {
    failure: (failure) => failure.fieldErrors?.body?.[0] ?? failure.error,
    onSuccess: (message) => {
      const file = photo.current
      photo.current = null
      if (file) void attachPhoto(message.id, file)
    },
  })
  const error = send.result?.ok === false ? (send.fieldError('body') ?? send.result.error) : undefined
  const { typistName, notifyTyping } = useTypingIndicator(customerId, { sender: 'customer', name: customerName })
  const endRef = useRef<HTMLDivElement>(null)

  const unreadFromStaff = messages.filter((m) => m.sender_type === 'staff' && !m.read_at).length
  useEffect(() => {
    // Opening the thread (or a new staff message arriving while open) marks it read.
    if (unreadFromStaff > 0) void markMessagesReadAction()
  }, [unreadFromStaff])

  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' })
  }, [optimistic.length])

  const submit = (body: string, file: File | null) => {
    photo.current = file
    const clientId = crypto.randomUUID()
    const now = new Date().toISOString()
    send.run({ body, clientId }, () =>
      addOptimistic({
        id: clientId,
        organization_id: organizationId,
        customer_id: customerId,
        sender_type: 'customer',
        sender_user_id: userId,
        body: body.trim(),
        read_at: null,
        deleted_at: null,
        created_at: now,
        updated_at: now,
        pending: true,
      } as ThreadMessage),
    )
  }

  return (
    <div className="space-y-4">
      {optimistic.length === 0 ? (
        <EmptyState title="No messages yet">Ask us anything about your appointments or invoices.</EmptyState>
      ) : (
        // The log role announces new messages; the list inside keeps list semantics.
        <div role="log" aria-label="Conversation" aria-live="polite">
          <ol className="space-y-3">
            {optimistic.map((m) => (
              <MessageBubble key={m.id} message={m} photos={photos[m.id]} timeZone={timeZone} />
            ))}
          </ol>
          <div ref={endRef} aria-hidden="true" />
        </div>
      )}
      <p role="status" className="min-h-5 text-sm text-slate-700" data-testid="typing-indicator">
        {typistName !== null ? `${typistName || 'The team'} is typing…` : ''}
      </p>
      <MessageComposer onSend={submit} onTyping={notifyTyping} error={error} photoProgress={photoProgress} />
    </div>
  )
}
