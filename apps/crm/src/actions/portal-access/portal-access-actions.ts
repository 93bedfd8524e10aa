'use server'

import { getCustomer, provisionPortalUser, resendPortalInvite, revokePortalAccess } from '@repo/database/repositories'
import { createClient as createServiceRoleClient } from '@repo/database/service-role'
import type { CustomerRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, ok } from '@/lib/action-result.ts'
import { readServerEnv } from '@/lib/env.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { portalAccessSchema } from './schema.ts'

// The staff member's own client proves they can see the customer (RLS); only then does the
// server use the service role, which never leaves this module.
function portalRedirect(): string {
  return new URL('/auth/confirm', readServerEnv().portalUrl).toString()
}

export async function invitePortalUserAction(input: { customerId: string }): Promise<ActionResult<CustomerRow>> {
  return runStaffAction('portal.invite', 'portal.manage', portalAccessSchema, input, async ({ supabase }, data) => {
    const customer = await getCustomer(supabase, data.customerId).catch(() => null)
    if (!customer) return fail('Unknown customer.', { customerId: ['This customer does not exist.'] })
    if (!customer.email) return fail('Add an email address before inviting.', { email: ['Required for a portal invite'] })
    if (customer.portal_user_id) return fail('This customer already has portal access.')
    const result = await provisionPortalUser(createServiceRoleClient(), {
      customerId: customer.id,
      email: customer.email,
      redirectTo: portalRedirect(),
    })
    revalidatePath(`/customers/${customer.id}`)
    revalidatePath('/customers')
    return ok(result.customer)
  })
}

export async function resendPortalInviteAction(input: { customerId: string }): Promise<ActionResult<null>> {
  return runStaffAction('portal.resend', 'portal.manage', portalAccessSchema, input, async ({ supabase }, data) => {
    const customer = await getCustomer(supabase, data.customerId).catch(() => null)
    if (!customer?.portal_user_id || !customer.email) return fail('This customer has no portal access to resend.')
    await resendPortalInvite(createServiceRoleClient(), customer.email, portalRedirect())
    return ok(null)
  })
}

export async function revokePortalAccessAction(input: { customerId: string }): Promise<ActionResult<CustomerRow>> {
  return runStaffAction('portal.revoke', 'portal.manage', portalAccessSchema, input, async ({ supabase }, data) => {
    const customer = await getCustomer(supabase, data.customerId).catch(() => null)
    if (!customer?.portal_user_id) return fail('This customer has no portal access.')
    const updated = await revokePortalAccess(createServiceRoleClient(), customer.id, { deleteUser: true })
    revalidatePath(`/customers/${customer.id}`)
    revalidatePath('/customers')
    return ok(updated)
  })
}
