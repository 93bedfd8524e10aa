import { type Handler, json } from '../context.ts'

/** GET /health */
export const health: Handler = async () =>
  json({
    version: 'local',
    name: 'GoTrue',
    description: 'GoTrue-compatible auth of the local stack',
  })

/** GET /settings: what this server offers, in GoTrue's shape. */
export const settings: Handler = async () =>
  json({
    external: {
      anonymous_users: true,
      email: true,
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
    disable_signup: false,
    mailer_autoconfirm: true,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  })

/** GET /_mailbox?email=: the mails the stack would have sent (local development only). */
export const mailbox: Handler = async (_req, url, deps) =>
  json(deps.mailbox.list(url.searchParams.get('email') ?? undefined))

/** GET /.well-known/jwks.json: this stack signs with a shared HS256 secret, so no public keys. */
export const jwks: Handler = async () => json({ keys: [] })
