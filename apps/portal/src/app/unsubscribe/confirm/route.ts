import { createLogger } from '@repo/actions/logger'
import { createClient as createServiceClient } from '@repo/database/service-role'
import { applyUnsubscribeToken } from '@repo/notifications/unsubscribe'
import { unsubscribeSecret } from '@/lib/unsubscribe-token'

// Applies an unsubscribe link (POST only; opening a link never changes anything): from the
// button of /unsubscribe, or a mail client's RFC 8058 one-click request, which proxy.ts routes
// here from /unsubscribe. No sign-in: the signed token is the proof.
const log = createLogger('notifications.unsubscribe')

const noStore = { 'cache-control': 'no-store' }

export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const form = await request.formData().catch(() => null)
  const fromForm = form?.get('token')
  const token =
    typeof fromForm === 'string' && fromForm ? fromForm : (url.searchParams.get('token') ?? '')
  // A mail client's one-click request wants a status, not a page.
  const oneClick = form?.get('List-Unsubscribe') === 'One-Click'
  const key = unsubscribeSecret()
  const claim = key ? await applyUnsubscribeToken(createServiceClient(), token, key) : null
  if (!claim) {
    if (oneClick)
      return new Response('This unsubscribe link does not work.\n', {
        status: 400,
        headers: noStore,
      })
    return Response.redirect(new URL('/unsubscribe', url), 303)
  }
  log.info('unsubscribed', {
    customerId: claim.customerId,
    group: claim.group,
    channel: claim.channel,
  })
  if (oneClick) return new Response('Unsubscribed.\n', { status: 200, headers: noStore })
  const done = new URL('/unsubscribe/done', url)
  done.searchParams.set('token', token)
  return Response.redirect(done, 303)
}
