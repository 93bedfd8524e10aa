import { updateSession } from '@repo/database/proxy'
import type { NextRequest } from 'next/server'

// Everything except the auth pages needs a session; the portal layout then checks it is a customer.
const isProtectedPath = (pathname: string) => !pathname.startsWith('/auth')

export async function proxy(request: NextRequest) {
  return updateSession(request, { isProtectedPath })
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico)$).*)'],
}
