import { assertUuid } from './uuid.ts'

/*
 * Presence rooms are private channels (`presence:<room>`): the RLS policies on realtime.messages
 * (supabase/migrations/*_realtime_authorization.sql) admit only these rooms, and only these people.
 */

/** Staff looking at one customer's record ("also viewing"): staff of the customer's organization. */
export function customerRoom(customerId: string): string {
  return `customer:${assertUuid(customerId, 'customerId')}`
}

/** The customer while in the portal: they track themselves, their organization's staff watch. */
export function portalRoom(customerId: string): string {
  return `portal:${assertUuid(customerId, 'customerId')}`
}

/** The organization's team: staff track themselves, the organization's customers watch only. */
export function organizationRoom(organizationId: string): string {
  return `org:${assertUuid(organizationId, 'organizationId')}`
}
