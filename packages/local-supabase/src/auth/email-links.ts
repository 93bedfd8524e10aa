import type { IncomingMessage } from 'node:http'
import { type AuthDeps, apiUrlOf } from './context.ts'
import { linksIn, TEMPLATE_FOR } from './email-templates.ts'
import type { Mail, MailType } from './mailbox.ts'
import { issueToken, type TokenType } from './one-time-tokens.ts'
import { type CodeChallenge, PKCE_PREFIX, saveFlowState } from './pkce.ts'
import { allowedRedirect } from './redirects.ts'
import type { Db } from './transaction.ts'

const TOKEN_TYPE: Record<MailType, TokenType> = {
  signup: 'confirmation_token',
  invite: 'confirmation_token',
  magiclink: 'recovery_token',
  recovery: 'recovery_token',
  email_change: 'email_change_token_new',
}

export interface PreparedMail extends Omit<Mail, 'created_at'> {
  redirectTo: string
  verificationType: MailType
}

/**
 * Issues the token for an e-mail link inside the caller's transaction. The mail itself is only
 * recorded after commit (see `deliver`), so a failed request never leaves a usable link behind.
 */
export async function prepareEmailLink(
  db: Db,
  req: IncomingMessage,
  deps: AuthDeps,
  input: {
    userId: string
    email: string
    type: MailType
    redirectTo?: string | null
    pkce?: CodeChallenge | null
    /** The user's metadata, for `{{ .Data.<key> }}`. */
    data?: Record<string, unknown> | null
    /** The token kind when it is not the type's usual one (the current address of a change). */
    tokenType?: TokenType
    /** An e-mail change: `{{ .Email }}` is the current address, `{{ .NewEmail }}` the new one. */
    change?: { from: string; to: string }
  },
): Promise<PreparedMail> {
  const { token, tokenHash } = await issueToken(
    db,
    input.userId,
    input.email,
    input.tokenType ?? TOKEN_TYPE[input.type],
  )
  if (input.pkce) await saveFlowState(db, input.userId, input.type, input.pkce)
  const redirectTo = allowedRedirect(deps.ctx.config, input.redirectTo)
  const linkToken = input.pkce ? `${PKCE_PREFIX}${tokenHash}` : tokenHash
  const params = new URLSearchParams({
    token: linkToken,
    type: input.type,
    redirect_to: redirectTo,
  })
  const link = `${apiUrlOf(req, deps)}/auth/v1/verify?${params}`
  const template = deps.templates[TEMPLATE_FOR[input.type]]
  const html = template.render({
    SiteURL: deps.ctx.config.siteUrl,
    ConfirmationURL: link,
    Token: token,
    TokenHash: tokenHash,
    RedirectTo: redirectTo,
    Email: input.change?.from ?? input.email,
    NewEmail: input.change?.to ?? input.email,
    Data: input.data ?? {},
  })
  return {
    to: input.email,
    subject: template.subject,
    type: input.type,
    link,
    html,
    links: linksIn(html),
    token,
    token_hash: tokenHash,
    redirectTo,
    verificationType: input.type,
  }
}

export function deliver(deps: AuthDeps, mail: PreparedMail): Promise<void> {
  const { redirectTo: _r, verificationType: _v, ...stored } = mail
  return deps.mailbox.deliver(stored)
}
