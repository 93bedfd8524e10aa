import { confirmEmailLink } from '@repo/database/auth/email-links'
import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

/** Lands the links of Auth's e-mails for staff accounts (sign-in links, PKCE codes) and signs in. */
export async function GET(request: NextRequest) {
  const outcome = await confirmEmailLink(await createClient(), request.nextUrl.searchParams)
  // next/navigation's redirect keeps the session cookies written through cookies().
  redirect(outcome.ok ? '/customers' : `/auth/login?link=${outcome.reason}`)
}
