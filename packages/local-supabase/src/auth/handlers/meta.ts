import type { IncomingMessage } from 'node:http'
import { isLoopback } from '../client-address.ts'
import { type AuthDeps, apiUrlOf, type Handler, json } from '../context.ts'
import { fail } from '../errors.ts'
import { autoconfirms } from '../provider-switches.ts'

/** GET /health */
export const health: Handler = async () =>
  json({
    version: 'local',
    name: 'GoTrue',
    description: 'GoTrue-compatible auth of the local stack',
  })

/** GET /settings: what this server offers, in GoTrue's shape, as supabase/config.toml sets it. */
export const settings: Handler = async (_req, _url, deps) => {
  const { auth } = deps.ctx.config
  return json({
    external: {
      anonymous_users: auth.enableAnonymousSignIns,
      email: auth.emailEnabled,
      phone: false,
      apple: false,
      azure: false,
      bitbucket: false,
      discord: false,
      facebook: false,
      figma: false,
      github: false,
      gitlab: false,
      google: false,
      keycloak: false,
      kakao: false,
      linkedin_oidc: false,
      notion: false,
      slack_oidc: false,
      spotify: false,
      twitch: false,
      twitter: false,
      workos: false,
      zoom: false,
    },
    disable_signup: !auth.enableSignup,
    mailer_autoconfirm: autoconfirms(auth),
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  })
}

const LOOPBACK_HOST_NAMES = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The mailbox holds working sign-in links, so it is only for the developer's own machine: the
 * client must be on loopback, and the request must name this server (a page that rebinds its own
 * DNS name to 127.0.0.1 would send its name as Host).
 */
function onThisMachine(req: IncomingMessage, deps: AuthDeps): boolean {
  if (!isLoopback(deps.addressOf(req))) return false
  let host: string
  try {
    host = new URL(`http://${req.headers.host ?? ''}`).hostname
  } catch {
    return false
  }
  return (
    LOOPBACK_HOST_NAMES.has(host) ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === new URL(apiUrlOf(req, deps)).hostname
  )
}

/** GET /_mailbox?email=: the mails the stack would have sent (local development only). */
export const mailbox: Handler = async (req, url, deps) => {
  if (!onThisMachine(req, deps)) {
    throw fail(403, 'forbidden', 'The local mailbox is only served to clients on this machine')
  }
  return json(await deps.mailbox.list(url.searchParams.get('email') ?? undefined))
}

/**
 * GET /.well-known/jwks.json: the public parts of the signing keys (none when tokens are HS256,
 * whose secret is never published), cacheable for 10 minutes as GoTrue serves it.
 */
export const jwks: Handler = async (_req, _url, deps) =>
  json({ keys: deps.ctx.jwt.publicKeys() }, 200, { 'cache-control': 'public, max-age=600' })
