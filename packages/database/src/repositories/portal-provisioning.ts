import { z } from 'zod'
import type { Client, CustomerRow, InvitationCopy } from '../types.ts'
import { getCustomer } from './customers.ts'
import { check, fromAuthError, RepositoryError, unwrap } from './errors.ts'
import { assertUuid, parseInput } from './validate.ts'

export interface ProvisionPortalUserInput {
  customerId: string
  email: string
  /** With a password the account is usable at once; without, an invite link is sent. */
  password?: string
  /** Where the invite link lands (the portal's /auth/confirm). */
  redirectTo?: string
  /** What the invitation e-mail says. */
  copy?: InvitationCopy
}

export interface ProvisionedPortalUser {
  userId: string
  customer: CustomerRow
  invited: boolean
}

const inputSchema = z.object({
  customerId: z.uuid(),
  email: z.email(),
  password: z.string().min(8).optional(),
  redirectTo: z.url().optional(),
})

/**
 * Gives a customer a portal login: creates (or invites) the auth user and links it to the customer
 * record. Needs the service-role client on the server. If linking fails the new user is deleted
 * again, so a failure leaves nothing half-made.
 */
export async function provisionPortalUser(
  admin: Client,
  input: ProvisionPortalUserInput,
): Promise<ProvisionedPortalUser> {
  const valid = parseInput(inputSchema, input, 'portal user')
  const customer = await getCustomer(admin, valid.customerId)
  if (customer.portal_user_id) {
    throw new RepositoryError(
      `customer ${customer.id} already has a portal login`,
      'already_provisioned',
    )
  }
  const invited = valid.password === undefined
  const created = invited
    ? await admin.auth.admin.inviteUserByEmail(valid.email, {
        redirectTo: valid.redirectTo,
        ...(input.copy ? { data: { ...input.copy } } : {}),
      })
    : await admin.auth.admin.createUser({
        email: valid.email,
        password: valid.password,
        email_confirm: true,
      })
  if (created.error) throw fromAuthError(created.error, 'creating portal user', 'auth_error')
  if (!created.data.user) {
    throw new RepositoryError('creating portal user failed: no user returned', 'auth_error')
  }
  const userId = created.data.user.id
  const linked = await admin.rpc('provision_portal_user', {
    p_customer_id: customer.id,
    p_user_id: userId,
  })
  if (linked.error) {
    await admin.auth.admin.deleteUser(userId)
    check(linked, 'linking portal user')
  }
  return { userId, customer: unwrap(linked, 'linking portal user'), invited }
}

/** Removes a customer's portal login link (the auth user is kept unless `deleteUser`). */
export async function revokePortalAccess(
  admin: Client,
  customerId: string,
  options: { deleteUser?: boolean } = {},
): Promise<CustomerRow> {
  const customer = await getCustomer(admin, assertUuid(customerId, 'customerId'))
  const userId = customer.portal_user_id
  const result = await admin
    .from('customers')
    .update({ portal_user_id: null })
    .eq('id', customer.id)
  check(result, 'revoking portal access')
  if (userId && options.deleteUser) {
    const removed = await admin.auth.admin.deleteUser(userId)
    if (removed.error) throw fromAuthError(removed.error, 'deleting portal user', 'auth_error')
  }
  return getCustomer(admin, customer.id)
}
