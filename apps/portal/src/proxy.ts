import { updateSession } from '@repo/database/proxy'
import type { NextRequest } from 'next/server'

// Everything except the auth pages, the payment provider's webhook, the unsubscribe link of
// e-mails and the review page (signed or holding an unguessable token, not signed in) needs a
// session; the portal layout then checks it is a customer.
const isProtectedPath = (pathname: string) =>
  !pathname.startsWith('/auth') &&
  pathname !== '/api/payments/webhook' &&
  pathname !== '/unsubscribe' &&
  !pathname.startsWith('/review/')

export async function proxy(request: NextRequest) {
  return updateSession(request, { isProtectedPath })
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico)$).*)'],
}
