import type { InboxThread } from '@repo/database/repositories'
import { formatDate } from '@repo/domain/dates'
import { Badge } from '@repo/ui/badge'
import { EmptyState } from '@repo/ui/empty-state'
import Link from 'next/link'

/** Threads across customers, unread first (ordered by the repository). */
export function InboxList({
  threads,
  activeCustomerId,
  timeZone,
}: {
  threads: InboxThread[]
  activeCustomerId?: string
  /** The organization's, for the dates. */
  timeZone: string
}) {
  if (threads.length === 0) {
    return <EmptyState title="No conversations yet." className="bg-white" />
  }
  return (
    <ul aria-label="Conversations" className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {threads.map((t) => (
        <li key={t.customer.id} data-thread-customer-id={t.customer.id}>
          <Link
            prefetch={false}
            href={`/messages/${t.customer.id}`}
            aria-current={t.customer.id === activeCustomerId ? 'page' : undefined}
            className={`flex items-start justify-between gap-3 p-3 hover:bg-slate-50 ${t.customer.id === activeCustomerId ? 'bg-sky-50' : ''}`}
          >
            <span className="min-w-0">
              <span className={`block ${t.unread > 0 ? 'font-bold' : 'font-medium'}`}>
                {t.customer.first_name} {t.customer.last_name}
              </span>
              <span className="block truncate text-sm text-slate-700">
                {t.lastMessage.sender_type === 'staff' ? 'You: ' : ''}
                {t.lastMessage.body}
              </span>
            </span>
            <span className="flex shrink-0 flex-col items-end gap-1">
              <time className="text-xs text-slate-600" dateTime={t.lastMessage.created_at}>
                {formatDate(t.lastMessage.created_at, timeZone)}
              </time>
              {t.unread > 0 ? (
                <Badge data-testid="unread-count" tone="info" className="font-bold">
                  {t.unread}
                  <span className="sr-only"> unread</span>
                </Badge>
              ) : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
