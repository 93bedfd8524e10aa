// Toast wording for messages: the customer's live notice, and the staff's bell.
import type { ChangeEvent, MessageRow } from '@repo/database/types'
import type { ChangeNotice } from '../notice.ts'

/** A new message (not a read receipt or a deletion), previewed in one line. */
export function describeMessageChange(
  event: ChangeEvent,
  row: MessageRow | null,
): ChangeNotice | null {
  if (event !== 'INSERT' || !row || row.deleted_at) return null
  const preview = row.body.length > 80 ? `${row.body.slice(0, 77)}…` : row.body
  return { type: 'message', tone: 'info', title: 'New message', description: preview }
}

/** Only the other side's messages are news: a customer's own message is not, nor staff's to staff. */
export function isNewsTo(
  audience: MessageRow['sender_type'],
  row: Pick<MessageRow, 'sender_type'>,
): boolean {
  return row.sender_type !== audience
}

