import type { Client, Enums, Row } from '../types.ts'
import { check, unwrap } from './errors.ts'
import { assertUuid } from './validate.ts'

export type NotificationTemplateRow = Row<'notification_templates'>
export type StaffDigestSettingRow = Row<'staff_digest_settings'>
type Event = Enums<'notification_event'>
type Channel = Enums<'notification_channel'>
type DeliveryStatus = Enums<'notification_status'>

/** The business's own notification wording (staff read, by RLS). */
export async function listNotificationTemplates(
  client: Client,
  organizationId: string,
): Promise<NotificationTemplateRow[]> {
  const result = await client
    .from('notification_templates')
    .select('*')
    .eq('organization_id', assertUuid(organizationId, 'organizationId'))
  return unwrap(result, 'listing notification templates')
}

/**
 * Saves the business's subject and body for one event and channel (owners and admins, by RLS).
 * The words must already be validated (`@repo/notifications/template-variables`); the database
 * checks the lengths again.
 */
export async function saveNotificationTemplate(
  client: Client,
  input: {
    organizationId: string
    event: Event
    channel: Channel
    subject: string | null
    body: string | null
    updatedBy?: string | null
  },
): Promise<NotificationTemplateRow> {
  const organizationId = assertUuid(input.organizationId, 'organizationId')
  const words = { subject: input.subject, body: input.body, updated_by: input.updatedBy ?? null }
  // Update first, insert when there is none yet: staff may change only the words of a row
  // (column grants), so PostgREST's upsert, which rewrites every column, is not an option.
  const update = () =>
    client
      .from('notification_templates')
      .update(words)
      .eq('organization_id', organizationId)
      .eq('event', input.event)
      .eq('channel', input.channel)
      .select('*')
  const updated = unwrap(await update(), 'saving a notification template')
  if (updated[0]) return updated[0]
  const inserted = await client
    .from('notification_templates')
    .insert({
      organization_id: organizationId,
      event: input.event,
      channel: input.channel,
      ...words,
    })
    .select('*')
    .single()
  // Someone saved the same template at the same moment: theirs is there now, write over it.
  if (inserted.error?.code === '23505') {
    const again = unwrap(await update(), 'saving a notification template')
    if (again[0]) return again[0]
  }
  return unwrap(inserted, 'saving a notification template')
}

/** Back to the built-in words for one event and channel. */
export async function resetNotificationTemplate(
  client: Client,
  input: { organizationId: string; event: Event; channel: Channel },
): Promise<void> {
  check(
    await client
      .from('notification_templates')
      .delete()
      .eq('organization_id', assertUuid(input.organizationId, 'organizationId'))
      .eq('event', input.event)
      .eq('channel', input.channel),
    'resetting a notification template',
  )
}

export type DigestFrequency = 'off' | 'hourly' | 'daily'

/** The signed-in staff member's digest setting (null: never set, which means off). */
export async function getStaffDigestSetting(
  client: Client,
  staffMemberId: string,
): Promise<StaffDigestSettingRow | null> {
  const result = await client
    .from('staff_digest_settings')
    .select('*')
    .eq('staff_member_id', assertUuid(staffMemberId, 'staffMemberId'))
    .maybeSingle()
  check(result, 'reading the digest setting')
  return result.data
}

/** Saves a staff member's own digest setting (RLS: only their own). */
export async function saveStaffDigestSetting(
  client: Client,
  input: {
    staffMemberId: string
    organizationId: string
    frequency: DigestFrequency
    hour: number
  },
): Promise<StaffDigestSettingRow> {
  const staffMemberId = assertUuid(input.staffMemberId, 'staffMemberId')
  const setting = { frequency: input.frequency, hour: input.hour }
  const updated = unwrap(
    await client
      .from('staff_digest_settings')
      .update(setting)
      .eq('staff_member_id', staffMemberId)
      .select('*'),
    'saving the digest setting',
  )
  if (updated[0]) return updated[0]
  const inserted = await client
    .from('staff_digest_settings')
    .insert({
      staff_member_id: staffMemberId,
      organization_id: assertUuid(input.organizationId, 'organizationId'),
      ...setting,
    })
    .select('*')
    .single()
  return unwrap(inserted, 'saving the digest setting')
}

export const deliveryLogColumns =
  'id, event, channel, recipient, status, attempts, max_attempts, last_error, sent_at, created_at, updated_at, due_at, customer_id, staff_member_id'

export type DeliveryLogRow = Pick<
  Row<'notification_outbox'>,
  | 'id'
  | 'event'
  | 'channel'
  | 'recipient'
  | 'status'
  | 'attempts'
  | 'max_attempts'
  | 'last_error'
  | 'sent_at'
  | 'created_at'
  | 'updated_at'
  | 'due_at'
  | 'customer_id'
  | 'staff_member_id'
>

/**
 * The organization's deliveries, latest activity first (queued, sent, failed or retried: a retried
 * old e-mail comes back to the top), optionally of one status.
 */
export async function listDeliveries(
  client: Client,
  organizationId: string,
  options: { status?: DeliveryStatus; limit?: number } = {},
): Promise<DeliveryLogRow[]> {
  let query = client
    .from('notification_outbox')
    .select(deliveryLogColumns)
    .eq('organization_id', assertUuid(organizationId, 'organizationId'))
  if (options.status) query = query.eq('status', options.status)
  const result = await query
    .order('updated_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(Math.min(Math.max(options.limit ?? 100, 1), 500))
  return unwrap(result, 'listing deliveries')
}

/** Puts a dead delivery back in the queue (owners and admins of its organization only). */
export async function retryDelivery(client: Client, deliveryId: string): Promise<void> {
  check(
    await client.rpc('retry_notification', { p_id: assertUuid(deliveryId, 'deliveryId') }),
    'retrying a delivery',
  )
}
