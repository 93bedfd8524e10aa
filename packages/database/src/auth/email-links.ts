import type { EmailOtpType, SupabaseClient } from '@supabase/supabase-js'

const OTP_TYPES: readonly EmailOtpType[] = ['signup', 'invite', 'magiclink', 'recovery', 'email_change', 'email']

export type EmailLinkOutcome =
  | { ok: true; type: EmailOtpType | null }
  | { ok: false; reason: 'expired' | 'incomplete' }

const isOtpType = (value: string | null): value is EmailOtpType =>
  value !== null && (OTP_TYPES as readonly string[]).includes(value)

/**
 * Signs in with the link of an Auth e-mail, given its query: `token_hash` + `type` (the project's
 * templates) or a PKCE `code` (Auth's own /verify link when the flow began in this browser). The
 * session lands in the client's cookies. A used, expired or foreign link is `expired`: Auth does
 * not say which, and neither should we.
 */
export async function confirmEmailLink(supabase: SupabaseClient, query: URLSearchParams): Promise<EmailLinkOutcome> {
  const tokenHash = query.get('token_hash')
  const type = query.get('type')
  const code = query.get('code')
  if (tokenHash && isOtpType(type)) {
    const { error } = await supabase.auth.verifyOtp({ type, token_hash: tokenHash })
    return error ? { ok: false, reason: 'expired' } : { ok: true, type }
  }
  if (code) {
    const { error } = await supabase.auth.exchangeCodeForSession(code)
    return error ? { ok: false, reason: 'expired' } : { ok: true, type: isOtpType(type) ? type : null }
  }
  return { ok: false, reason: 'incomplete' }
}

/** Invitations and recoveries continue to choosing a password; other links to where they were going. */
export const needsNewPassword = (type: EmailOtpType | null) => type === 'invite' || type === 'recovery'
