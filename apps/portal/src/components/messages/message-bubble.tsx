import type { MessageRow } from '@repo/database/types'
import { formatMessageTime } from '@repo/domain/dates'
import { cn } from '@repo/ui/cn'
import { type MessagePhoto, MessagePhotos } from '@repo/ui/message-photos'

export type ThreadMessage = MessageRow & { pending?: boolean }

export function MessageBubble({
  message,
  photos = [],
  timeZone,
}: {
  message: ThreadMessage
  photos?: readonly MessagePhoto[] | undefined
  timeZone: string
}) {
  const mine = message.sender_type === 'customer'
  const receipt = message.pending ? 'Sending…' : message.read_at ? 'Read' : 'Sent'
  return (
    <li className={cn('flex', mine ? 'justify-end' : 'justify-start')} data-testid="message">
      <div className={cn('max-w-[85%] rounded-2xl px-4 py-2', mine ? 'bg-sky-700 text-white' : 'border border-slate-200 bg-white text-slate-900')}>
        <p className="sr-only">{mine ? 'You said:' : 'The team said:'}</p>
        <MessagePhotos photos={photos} altPrefix={mine ? 'Your photo' : 'Photo from the team'} />
        <p className="whitespace-pre-wrap wrap-anywhere">{message.body}</p>
        <p className={cn('mt-1 text-xs', mine ? 'text-sky-50' : 'text-slate-700')}>
          {formatMessageTime(message.created_at, timeZone)}
          {mine ? <span data-testid="receipt"> · {receipt}</span> : null}
        </p>
      </div>
    </li>
  )
}
