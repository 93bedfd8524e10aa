import type { IncomingMessage } from 'node:http'
import type { AuthDeps } from './context.ts'
import { type PreparedMail, prepareEmailLink } from './email-links.ts'
import type { CodeChallenge } from './pkce.ts'
import { needsBothConfirmations } from './provider-switches.ts'
import type { Db } from './transaction.ts'
import { findUserById, insertEmailIdentity, type UserRow, updateUserColumns } from './users.ts'

/** GoTrue's answer to the first of the two confirmations of a secure e-mail change. */
export const SINGLE_CONFIRMATION_ACCEPTED =
  'Confirmation link accepted. Please proceed to confirm link sent to the other email'

const CHANGE_TOKENS = ['email_change_token_current', 'email_change_token_new']

async function clearChangeTokens(db: Db, userId: string) {
  await db.query(
    'delete from auth.one_time_tokens where user_id = $1 and token_type = any($2::text[])',
    [userId, CHANGE_TOKENS],
  )
}

/**
 * Starts (or restarts) a change of address as GoTrue's sendEmailChange does: the new address gets
 * a link, and with `double_confirm_changes` the current address gets one too. Returns the mails
 * to deliver after commit.
 */
export async function startEmailChange(
  db: Db,
  req: IncomingMessage,
  deps: AuthDeps,
  user: UserRow,
  newEmail: string,
  redirectTo?: string | null,
  pkce?: CodeChallenge | null,
): Promise<PreparedMail[]> {
  await clearChangeTokens(db, user.id)
  await updateUserColumns(db, user.id, { email_change: newEmail, email_change_confirm_status: 0 })
  const change = { from: user.email ?? '', to: newEmail }
  const common = { userId: user.id, type: 'email_change' as const, redirectTo, pkce, change }
  const data = user.raw_user_meta_data
  const mails = [
    await prepareEmailLink(db, req, deps, {
      ...common,
      email: newEmail,
      tokenType: 'email_change_token_new',
      data,
    }),
  ]
  if (deps.ctx.config.auth.secureEmailChange && user.email) {
    mails.unshift(
      await prepareEmailLink(db, req, deps, {
        ...common,
        pkce: null,
        email: user.email,
        tokenType: 'email_change_token_current',
        data,
      }),
    )
  }
  return mails
}

/**
 * A change link or code was redeemed (its token already consumed). With confirmations on and a
 * secure change, the first of the two only counts ('pending'); otherwise the address switches.
 */
export async function confirmEmailChange(
  db: Db,
  deps: AuthDeps,
  user: UserRow,
): Promise<'pending' | UserRow> {
  if (
    needsBothConfirmations(deps.ctx.config.auth, user.email) &&
    (user.email_change_confirm_status ?? 0) === 0
  ) {
    await updateUserColumns(db, user.id, { email_change_confirm_status: 1 })
    return 'pending'
  }
  const newEmail = user.email_change as string
  await updateUserColumns(db, user.id, {
    email: newEmail,
    email_change: '',
    email_change_confirm_status: 0,
    email_confirmed_at: user.email_confirmed_at ?? new Date(),
    is_anonymous: user.is_anonymous ? false : undefined,
    raw_app_meta_data: user.is_anonymous
      ? { ...(user.raw_app_meta_data ?? {}), provider: 'email', providers: ['email'] }
      : undefined,
  })
  await clearChangeTokens(db, user.id)
  await insertEmailIdentity(db, user.id, newEmail, true)
  return (await findUserById(db, user.id)) as UserRow
}
