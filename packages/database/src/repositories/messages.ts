import { MAX_MESSAGE_CHARS } from '../limits.ts'
import type { Client, MessageRow, MessageSender } from '../types.ts'
import { check, unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

/** A customer's thread, oldest first, without soft-deleted messages. */
export async function listThread(client: Client, customerId: string): Promise<MessageRow[]> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client
    .from('messages')
    .select('*')
    .eq('customer_id', id)
    .is('deleted_at', null)
    .order('created_at', { ascending: true })
    .order('id', { ascending: true })
  return unwrap(result, 'listing messages')
}

export interface SendMessageInput {
  organizationId: string
  customerId: string
  senderType: MessageSender
  body: string
}

/** Posts a message as the signed-in user (staff or the customer, checked by RLS). */
export async function sendMessage(client: Client, input: SendMessageInput): Promise<MessageRow> {
  const organizationId = assertUuid(input.organizationId, 'organizationId')
  const customerId = assertUuid(input.customerId, 'customerId')
  const body = input.body.trim()
  if (!body) throw new ValidationError('body', 'must not be empty')
  if (body.length > MAX_MESSAGE_CHARS)
    throw new ValidationError('body', `must be at most ${MAX_MESSAGE_CHARS} characters`)
  // sender_user_id is set by the database from the caller's token, not trusted from here.
  const result = await client
    .from('messages')
    .insert({
      organization_id: organizationId,
      customer_id: customerId,
      sender_type: input.senderType,
      body,
    })
    .select('*')
    .single()
  return unwrap(result, 'sending message')
}

/** Sets one timestamp column of a message to now (RLS decides who may). */
async function stampMessage(
  client: Client,
  messageId: string,
  column: 'read_at' | 'deleted_at',
  action: string,
): Promise<MessageRow> {
  const id = assertUuid(messageId, 'messageId')
  const now = new Date().toISOString()
  const result = await client
    .from('messages')
    .update(column === 'read_at' ? { read_at: now } : { deleted_at: now })
    .eq('id', id)
    .select('*')
    .maybeSingle()
  return unwrapOne(result, action, 'message', id)
}

export function markMessageRead(client: Client, messageId: string): Promise<MessageRow> {
  return stampMessage(client, messageId, 'read_at', 'marking message read')
}

/** Marks every unread message from `from` in a thread read; returns how many changed. */
export async function markThreadRead(
  client: Client,
  customerId: string,
  from: MessageSender,
): Promise<number> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client
    .from('messages')
    .update({ read_at: new Date().toISOString() })
    .eq('customer_id', id)
    .eq('sender_type', from)
    .is('read_at', null)
    .is('deleted_at', null)
    .select('id')
  return unwrap(result, 'marking thread read').length
}

/** Unread messages from `from` in a thread. */
export async function countUnread(
  client: Client,
  customerId: string,
  from: MessageSender,
): Promise<number> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client
    .from('messages')
    .select('id', { count: 'exact', head: true })
    .eq('customer_id', id)
    .eq('sender_type', from)
    .is('read_at', null)
    .is('deleted_at', null)
  check(result, 'counting unread messages')
  return result.count ?? 0
}

/** Soft delete: the row stays for the record, hidden from threads. */
export function deleteMessage(client: Client, messageId: string): Promise<MessageRow> {
  return stampMessage(client, messageId, 'deleted_at', 'deleting message')
}
