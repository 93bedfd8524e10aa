import { z } from 'zod'
import type { Client, InvitationCopy } from '../types.ts'
import { RepositoryError } from './errors.ts'
import { parseInput } from './validate.ts'

export type ResentLink = 'invite' | 'magiclink'

/**
 * Sends an invited customer or staff member a fresh e-mail (service-role client, server only): the
 * invitation again while they have not accepted it yet, otherwise a sign-in link. Both go out
 * through Auth's mailer; `generateLink` would only return the link and e-mail nothing.
 */
export async function resendInvite(
  admin: Client,
  email: string,
  redirectTo?: string,
  copy?: InvitationCopy,
): Promise<ResentLink> {
  const valid = parseInput(z.email(), email, 'email')
  const invited = await admin.auth.admin.inviteUserByEmail(valid, { redirectTo, ...(copy ? { data: { ...copy } } : {}) })
  if (!invited.error) return 'invite'
  // Already accepted (a confirmed user cannot be invited again): a sign-in link instead.
  if (invited.error.code !== 'email_exists' && invited.error.status !== 422) {
    throw new RepositoryError(
      `resending the invitation failed: ${invited.error.message}`,
      'invite_failed',
      null,
      null,
      invited.error.status ?? null,
    )
  }
  const link = await admin.auth.signInWithOtp({
    email: valid,
    options: { shouldCreateUser: false, emailRedirectTo: redirectTo },
  })
  if (link.error) {
    throw new RepositoryError(
      `sending a sign-in link failed: ${link.error.message}`,
      'invite_failed',
      null,
      null,
      link.error.status ?? null,
    )
  }
  return 'magiclink'
}
