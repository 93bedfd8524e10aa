import type { ChangeEvent, Row } from '@repo/database/types'
import type { TimeZone } from '../dates/zone.ts'
import type { ChangeNotice } from '../notice.ts'
import type { NotificationPreferences } from '../notifications/notification-preferences.ts'
import { customerToasts } from './customer-toasts.ts'
import { type CustomerTable, isNotifyingTable, type NotifyingTable, realtimeTables } from './registry.ts'

/**
 * Turns a change into a friendly notice, or null for noise (an update that changed nothing the
 * user cares about, a draft invoice, a read receipt). Pass `old` from the realtime payload or, if
 * the server only sent the key, the row as the view last showed it. Times are written in
 * `timeZone`, the organization's.
 * @example
 * describeChange('jobs', 'UPDATE', job, old, 'America/Chicago') // { title: 'Appointment status changed', … }
 */
export function describeChange<T extends NotifyingTable>(
  table: T,
  eventType: ChangeEvent,
  row: Row<T> | null,
  old: Partial<Row<T>> | null = null,
  timeZone: TimeZone = 'UTC',
  currency = 'USD',
): ChangeNotice | null {
  return customerToasts[table].describe(eventType, row, old, timeZone, currency)
}

/**
 * The toast a customer gets for a change on their channel: null when it is noise, when it is not
 * news to them (their own message), or when their preferences turn that kind off.
 */
export function customerNotice<T extends CustomerTable>(
  table: T,
  eventType: ChangeEvent,
  row: Row<T> | null,
  old: Partial<Row<T>> | null,
  context: { timeZone: TimeZone; preferences: NotificationPreferences; currency?: string },
): ChangeNotice | null {
  // Tables such as customer credits refresh the page but raise no toast of their own.
  if (!isNotifyingTable(table)) return null
  return notice(table, eventType, row as Row<typeof table> | null, old as Partial<Row<typeof table>> | null, context)
}

function notice<T extends NotifyingTable>(
  table: T,
  eventType: ChangeEvent,
  row: Row<T> | null,
  old: Partial<Row<T>> | null,
  context: { timeZone: TimeZone; preferences: NotificationPreferences; currency?: string },
): ChangeNotice | null {
  if (!context.preferences[realtimeTables[table].notification]) return null
  const rule = customerToasts[table]
  if (row && rule.newsToCustomer && !rule.newsToCustomer(row)) return null
  return rule.describe(eventType, row, old, context.timeZone, context.currency)
}
