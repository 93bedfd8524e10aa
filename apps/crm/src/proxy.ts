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
  // The service worker and the app manifest are public: browsers fetch them without a session.
  matcher: [
    '/((?!_next/static|_next/image|favicon.ico|sw.js|manifest.webmanifest|.*\\.(?:svg|png|jpg|jpeg|gif|webp)$).*)',
  ],
}
