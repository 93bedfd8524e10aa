import { createLogger } from '@repo/actions/logger'
import { readEnv } from '@repo/database/env'
import { createClient as createServiceClient } from '@repo/database/service-role'
import { applyUnsubscribeToken, verifyUnsubscribeToken } from '@repo/notifications/unsubscribe'

// The unsubscribe link of notification e-mails: no sign-in, the signed token is the proof. GET
// shows a button (mail scanners open links, so opening one changes nothing); POST applies it,
// from that button or from a mail client's RFC 8058 one-click request.
const log = createLogger('notifications.unsubscribe')

const GROUP_WORDS = {
  appointments: 'appointment updates',
  reminders: 'appointment reminders',
  billing: 'quotes, invoices and receipts',
  messages: 'notices of unread messages',
  reviews: 'requests to rate a visit',
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#111}
button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:0;background:#0f172a;color:#fff;cursor:pointer}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  })
}

function secret(): string | null {
  return readEnv(['notificationsSigningSecret']).notificationsSigningSecret
}

const invalid = () =>
  page(
    400,
    'This link does not work',
    '<p>The unsubscribe link is incomplete or was changed. Use the link from the e-mail as it is, or change your preferences in your profile.</p>',
  )

export async function GET(request: Request): Promise<Response> {
  const key = secret()
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const claim = key ? verifyUnsubscribeToken(token, key) : null
  if (!claim) return invalid()
  const what = GROUP_WORDS[claim.group]
  return page(
    200,
    `Stop ${what} by ${claim.channel === 'sms' ? 'text' : 'e-mail'}?`,
    `<form method="post"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">Unsubscribe</button></form>`,
  )
}

export async function POST(request: Request): Promise<Response> {
  const key = secret()
  const url = new URL(request.url)
  const form = await request.formData().catch(() => null)
  const fromForm = form?.get('token')
  const token =
    typeof fromForm === 'string' && fromForm ? fromForm : (url.searchParams.get('token') ?? '')
  const claim = key ? await applyUnsubscribeToken(createServiceClient(), token, key) : null
  if (!claim) return invalid()
  log.info('unsubscribed', {
    customerId: claim.customerId,
    group: claim.group,
    channel: claim.channel,
  })
  return page(
    200,
    'You are unsubscribed',
    `<p>You will no longer get ${GROUP_WORDS[claim.group]} by ${claim.channel === 'sms' ? 'text' : 'e-mail'}. Other messages are not affected; you can switch them back on in your profile.</p>`,
  )
}
