import type { Client, Enums, Row } from '@repo/database/types'

export type OutboxRow = Row<'notification_outbox'>
export type NotificationEvent = Enums<'notification_event'>
export type NotificationChannel = Enums<'notification_channel'>
/** A service-role client: the worker's functions are granted to the service role only. */
export type ServiceClient = Client

/** The business and the customer as they are when the message is rendered. */
export interface NotificationContext {
  organization: {
    name: string
    email: string | null
    phone: string | null
    address: string | null
    timezone: string
    currency: string
    /** The business's colour (`#rrggbb`): the e-mail's top bar and heading. */
    accent_color: string
  }
  /** Whom the message addresses: the customer, or the staff member of a digest. */
  customer: { first_name: string; last_name: string | null }
  /** The business's own wording for this event and channel (absent: the built-in words). */
  template?: { subject: string | null; body: string | null } | null
  /** Where the customer portal is (links to pages, review forms); the worker's setting. */
  portalUrl?: string
}

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

/** JSON lines on stderr, as the rest of the stack logs. */
export const consoleLogger: Logger = {
  info: (msg, fields) =>
    process.stderr.write(`${JSON.stringify({ level: 'info', msg, ...fields })}\n`),
  warn: (msg, fields) =>
    process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...fields })}\n`),
  error: (msg, fields) =>
    process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...fields })}\n`),
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
