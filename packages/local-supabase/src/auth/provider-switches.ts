import type { AuthSettings } from '../config.ts'
import { fail } from './errors.ts'

/**
 * GoTrue's answers when `supabase/config.toml` switches a way in off, in one place so every
 * endpoint words them alike.
 */
export const signupsDisabled = () =>
  fail(422, 'signup_disabled', 'Signups not allowed for this instance')

export const anonymousSignInsDisabled = () =>
  fail(422, 'anonymous_provider_disabled', 'Anonymous sign-ins are disabled')

/** `/token?grant_type=password` answers 422, `/recover`, `/resend`, `/otp` and `/magiclink` 400. */
export const emailLoginsDisabled = (status: 400 | 422 = 400) =>
  fail(status, 'email_provider_disabled', 'Email logins are disabled')

/** Phone auth is never offered locally (no SMS provider), as on a project with phone off. */
export const phoneLoginsDisabled = () =>
  fail(400, 'phone_provider_disabled', 'Phone logins are disabled')

/** GoTrue's `MAILER_AUTOCONFIRM`: with confirmations off, e-mail addresses count as proven. */
export const autoconfirms = (settings: AuthSettings) => !settings.emailConfirmations

/** Whether an e-mail change waits for both addresses to confirm (GoTrue's secure e-mail change). */
export const needsBothConfirmations = (settings: AuthSettings, currentEmail: string | null) =>
  !autoconfirms(settings) && settings.secureEmailChange && Boolean(currentEmail)
