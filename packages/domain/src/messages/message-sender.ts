import { Constants, type MessageSender } from '@repo/database/types'

export type { MessageSender }

export const messageSenders: readonly MessageSender[] = Constants.public.Enums.message_sender

/** For payloads from the wire (typing broadcasts), which carry no type. */
export function isMessageSender(value: unknown): value is MessageSender {
  return messageSenders.includes(value as MessageSender)
}
