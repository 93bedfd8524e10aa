import { updateSession } from '@repo/database/proxy'
import type { NextRequest } from 'next/server'

const publicPaths = ['/auth/', '/no-access']

// Refreshes the staff session on every page request and sends signed-out visitors to sign in.
export async function proxy(request: NextRequest) {
  return updateSession(request, {
    isProtectedPath: (pathname) => !publicPaths.some((p) => pathname.startsWith(p)),
    signInPath: '/auth/login',
  })
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp)$).*)'],
}
