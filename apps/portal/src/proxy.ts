import { updateSession } from '@repo/database/proxy'
import { type NextRequest, NextResponse } from 'next/server'

// Everything except the auth pages, the payment provider's webhook, the unsubscribe pages of
// e-mails and the review page (signed or holding an unguessable token, not signed in) needs a
// session; the portal layout then checks it is a customer.
const isProtectedPath = (pathname: string) =>
  !pathname.startsWith('/auth') &&
  pathname !== '/api/payments/webhook' &&
  pathname !== '/unsubscribe' &&
  !pathname.startsWith('/unsubscribe/') &&
  !pathname.startsWith('/review/')

export async function proxy(request: NextRequest) {
  // Mail clients' one-click unsubscribe (RFC 8058) POSTs to the e-mail's link itself; the page
  // there only asks, the route beside it applies.
  if (request.method === 'POST' && request.nextUrl.pathname === '/unsubscribe') {
    const target = request.nextUrl.clone()
    target.pathname = '/unsubscribe/confirm'
    return NextResponse.rewrite(target)
  }
  return updateSession(request, { isProtectedPath })
}

export const config = {
  matcher: [
    '/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico)$).*)',
  ],
}
