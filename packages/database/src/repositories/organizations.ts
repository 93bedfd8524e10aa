import type { PostgrestError } from '@supabase/supabase-js'
import type { Client, OrganizationRow, RowUpdate } from '../types.ts'
import { check, unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

export async function getOrganization(
  client: Client,
  organizationId: string,
): Promise<OrganizationRow> {
  const id = assertUuid(organizationId, 'organizationId')
  const result = await client.from('organizations').select('*').eq('id', id).maybeSingle()
  return unwrapOne(result, 'loading organization', 'organization', id)
}

export async function getOrganizationBySlug(
  client: Client,
  slug: string,
): Promise<OrganizationRow> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug))
    throw new ValidationError('slug', 'must be lowercase letters, digits and dashes')
  const result = await client.from('organizations').select('*').eq('slug', slug).maybeSingle()
  return unwrapOne(result, 'loading organization', 'organization', slug)
}

export async function updateOrganization(
  client: Client,
  organizationId: string,
  patch: RowUpdate<'organizations'>,
): Promise<OrganizationRow> {
  const id = assertUuid(organizationId, 'organizationId')
  const result = await client
    .from('organizations')
    .update(patch)
    .eq('id', id)
    .select('*')
    .maybeSingle()
  return unwrapOne(result, 'updating organization', 'organization', id)
}

export interface NewOrganization {
  name: string
  /** IANA zone, e.g. `America/Denver`; the database refuses unknown ones. */
  timezone: string
  /** The founder's name, for their staff record. */
  ownerName: string
  countryCode?: string
  currency?: string
  phone?: string | null
  email?: string | null
  address?: string | null
}

/**
 * The signed-in user founds a business and becomes its owner: one database function, one
 * transaction. Refused for a login that already belongs to a business or to a customer.
 */
export async function createOrganization(client: Client, input: NewOrganization): Promise<OrganizationRow> {
  if (!input.name?.trim()) throw new ValidationError('name', 'must not be empty')
  if (!input.ownerName?.trim()) throw new ValidationError('ownerName', 'must not be empty')
  const result = await client.rpc('create_organization', {
    p_name: input.name.trim(),
    p_timezone: input.timezone,
    p_owner_name: input.ownerName.trim(),
    ...(input.countryCode ? { p_country_code: input.countryCode } : {}),
    ...(input.currency ? { p_currency: input.currency } : {}),
    ...(input.phone ? { p_phone: input.phone } : {}),
    ...(input.email ? { p_email: input.email } : {}),
    ...(input.address ? { p_address: input.address } : {}),
  })
  return unwrap(result, 'creating the business')
}

/** Marks the signed-in user's pending staff invitations accepted; returns how many there were. */
export async function acceptStaffInvitation(client: Client): Promise<number> {
  return unwrap(await client.rpc('accept_staff_invitation'), 'accepting the invitation')
}

/** What the first-run checklist ticks from: team size, customers, portal logins, saved settings. */
export async function getSetupFacts(client: Client, organization: OrganizationRow): Promise<{
  services: number
  teamMembers: number
  customers: number
  customersWithPortalLogin: number
  settingsReviewed: boolean
}> {
  const id = assertUuid(organization.id, 'organizationId')
  const count = async (query: PromiseLike<{ count: number | null; error: PostgrestError | null; status: number }>, what: string) => {
    const result = await query
    check(result, `counting ${what}`)
    return result.count ?? 0
  }
  const [services, staff, customers, withLogin] = await Promise.all([
    count(client.from('services').select('id', { count: 'exact', head: true }).eq('organization_id', id), 'services'),
    count(client.from('staff_members').select('id', { count: 'exact', head: true }).eq('organization_id', id), 'staff'),
    count(client.from('customers').select('id', { count: 'exact', head: true }).eq('organization_id', id), 'customers'),
    count(
      client.from('customers').select('id', { count: 'exact', head: true }).eq('organization_id', id).not('portal_user_id', 'is', null),
      'portal logins',
    ),
  ])
  return {
    services,
    teamMembers: Math.max(0, staff - 1),
    customers,
    customersWithPortalLogin: withLogin,
    settingsReviewed: organization.settings_saved_at !== null,
  }
}

/** The business's online booking rules (the columns on organizations the booking functions read). */
export interface BookingRules {
  online_booking: boolean
  instant_booking: boolean
  booking_lead_hours: number
  booking_horizon_days: number
  booking_buffer_minutes: number
  booking_slot_step_minutes: number
}

/** Saves the booking rules (owners and admins, by RLS); the database checks each limit. */
export async function updateBookingRules(
  client: Client,
  organizationId: string,
  rules: BookingRules,
): Promise<OrganizationRow> {
  return updateOrganization(client, organizationId, {
    online_booking: rules.online_booking,
    instant_booking: rules.instant_booking,
    booking_lead_hours: rules.booking_lead_hours,
    booking_horizon_days: rules.booking_horizon_days,
    booking_buffer_minutes: rules.booking_buffer_minutes,
    booking_slot_step_minutes: rules.booking_slot_step_minutes,
  })
}

export interface NotificationSettings {
  notify_by_email: boolean
  notify_by_sms: boolean
  reminder_hours_before: number
  /** `HH:MM` in the organization's time zone; equal start and end: no quiet hours. */
  sms_quiet_start: string
  sms_quiet_end: string
  /** Minutes a message from the business may wait unread before the customer is told. */
  unread_message_notify_minutes: number
  review_requests_enabled: boolean
  /** Hours after a completed visit before the review request goes out. */
  review_request_delay_hours: number
  /** Ratings at or under this tell the office (bell). */
  review_low_rating_threshold: number
  /** Where customers who rate highly may leave a public review (null: not offered). */
  public_review_url: string | null
}

/** Saves how customers are notified (owners and admins, by RLS); the database checks the limits. */
export async function updateNotificationSettings(
  client: Client,
  organizationId: string,
  settings: NotificationSettings,
): Promise<OrganizationRow> {
  return updateOrganization(client, organizationId, { ...settings })
}
