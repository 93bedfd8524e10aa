import { z } from 'zod'
import type { Client } from '../types.ts'
import { RepositoryError } from './errors.ts'
import { parseInput } from './validate.ts'

/** Sends an already linked customer a fresh sign-in link (service-role client, server only). */
export async function resendPortalInvite(
  admin: Client,
  email: string,
  redirectTo?: string,
): Promise<void> {
  const valid = parseInput(z.email(), email, 'email')
  const link = await admin.auth.admin.generateLink({
    type: 'magiclink',
    email: valid,
    options: { redirectTo },
  })
  if (link.error)
    throw new RepositoryError(
      `resending portal invite failed: ${link.error.message}`,
      'invite_failed',
    )
}
