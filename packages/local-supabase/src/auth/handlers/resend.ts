import { type Handler, json } from '../context.ts'
import { startEmailChange } from '../email-change.ts'
import { deliver, type PreparedMail, prepareEmailLink } from '../email-links.ts'
import { fail } from '../errors.ts'
import { emailLoginsDisabled, phoneLoginsDisabled } from '../provider-switches.ts'
import { readJsonObject } from '../request.ts'
import { inTransaction } from '../transaction.ts'
import { findUserByEmail, isActive } from '../users.ts'
import { optionalString, validEmail } from '../validation.ts'

const TYPES = ['signup', 'email_change', 'sms', 'phone_change']

/**
 * POST /resend: the sign-up confirmation or the e-mail change link(s) again, as GoTrue's Resend.
 * Unknown addresses, confirmed ones and accounts with no change pending all get `200 {}` and no
 * mail, so the answer never tells whether an account exists. Phone types meet the phone
 * provider, which is off.
 */
export const resend: Handler = async (req, url, deps) => {
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const type = optionalString(body, 'type') ?? ''
  const rawEmail = optionalString(body, 'email') ?? ''
  const rawPhone = optionalString(body, 'phone') ?? ''
  if (!TYPES.includes(type)) {
    throw fail(
      400,
      'validation_failed',
      'Missing one of these types: signup, email_change, sms, phone_change',
    )
  }
  if (rawEmail === '' && type === 'signup') {
    throw fail(400, 'validation_failed', 'Type provided requires an email address')
  }
  if (rawPhone === '' && type === 'sms') {
    throw fail(400, 'validation_failed', 'Type provided requires a phone number')
  }
  if (rawEmail !== '' && rawPhone !== '') {
    throw fail(
      400,
      'validation_failed',
      'Only an email address or phone number should be provided.',
    )
  }
  if (rawPhone !== '') {
    throw phoneLoginsDisabled()
  }
  if (rawEmail === '') throw fail(400, 'validation_failed', 'Missing email address or phone number')
  if (!deps.ctx.config.auth.emailEnabled) throw emailLoginsDisabled()
  const email = validEmail(rawEmail)
  // An e-mail with a phone type finds no phone change pending: nothing to send, as in GoTrue.
  if (type === 'sms' || type === 'phone_change') return json({})

  const redirectTo = url.searchParams.get('redirect_to') ?? optionalString(body, 'redirect_to')
  const mails = await inTransaction(deps.ctx.pool, async (db): Promise<PreparedMail[]> => {
    const user = await findUserByEmail(db, email, true)
    if (!user || !isActive(user)) return []
    if (type === 'signup') {
      if (user.email_confirmed_at) return []
      const mail = await prepareEmailLink(db, req, deps, {
        userId: user.id,
        email,
        type: 'signup',
        redirectTo,
        data: user.raw_user_meta_data,
      })
      return [mail]
    }
    if (!user.email_change) return []
    return startEmailChange(db, req, deps, user, user.email_change, redirectTo)
  })
  for (const mail of mails) deliver(deps, mail)
  return json({})
}
