'use server'

import { nullIfNotFound } from '@repo/actions/errors'
import { fail, ok } from '@repo/actions/result'
import { readPortalUrl } from '@repo/database/env'
import { getCustomer, provisionPortalUser, resendInvite, revokePortalAccess } from '@repo/database/repositories'
import { createClient as createServiceRoleClient } from '@repo/database/service-role'
import { portalInvitationCopy } from '@repo/domain/staff'
import { staffAction } from '@/lib/staff-action.ts'
import { mailRateLimited } from '../invitation-mail.ts'
import { unknownCustomer } from '../unknown-records.ts'
import { portalAccessSchema } from './schema.ts'

// The staff member's own client proves they can see the customer (RLS); only then does the
// server use the service role, which never leaves this module.
function portalRedirect(): string {
  return new URL('/auth/confirm', readPortalUrl()).toString()
}

const authErrors = {
  codes: {
    already_provisioned: 'This customer already has portal access.',
    email_exists: 'Another portal login already uses this email address.',
    ...mailRateLimited,
  },
}

export const invitePortalUserAction = staffAction(
  { name: 'portal.invite', schema: portalAccessSchema, role: 'portal.invite', errors: authErrors, revalidate: ['/customers'] },
  async ({ input, ctx: { supabase, organization }, revalidate }) => {
    const customer = await nullIfNotFound(getCustomer(supabase, input.customerId))
    if (!customer) return unknownCustomer()
    if (!customer.email) return fail('Add an email address before inviting.', { email: ['Required for a portal invite'] })
    if (customer.portal_user_id) return fail('This customer already has portal access.')
    const result = await provisionPortalUser(createServiceRoleClient(), {
      customerId: customer.id,
      email: customer.email,
      redirectTo: portalRedirect(),
      copy: portalInvitationCopy(organization.name),
    })
    revalidate(`/customers/${customer.id}`)
    return ok(result.customer)
  },
)

export const resendPortalInviteAction = staffAction(
  { name: 'portal.resend', schema: portalAccessSchema, role: 'portal.invite', errors: authErrors },
  async ({ input, ctx: { supabase, organization } }) => {
    const customer = await nullIfNotFound(getCustomer(supabase, input.customerId))
    if (!customer?.portal_user_id || !customer.email) return fail('This customer has no portal access to resend.')
    await resendInvite(createServiceRoleClient(), customer.email, portalRedirect(), portalInvitationCopy(organization.name))
    return ok(null)
  },
)

export const revokePortalAccessAction = staffAction(
  { name: 'portal.revoke', schema: portalAccessSchema, role: 'portal.revoke', errors: authErrors, revalidate: ['/customers'] },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const customer = await nullIfNotFound(getCustomer(supabase, input.customerId))
    if (!customer?.portal_user_id) return fail('This customer has no portal access.')
    const updated = await revokePortalAccess(createServiceRoleClient(), customer.id, { deleteUser: true })
    revalidate(`/customers/${customer.id}`)
    return ok(updated)
  },
)
