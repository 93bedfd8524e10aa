import { confirmEmailLink, needsNewPassword } from '@repo/database/auth/email-links'
import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { safeNextPath } from '@/actions/auth/schema'

/** Lands the links of Auth's e-mails (invitation, sign-in link, password reset) and signs in. */
export async function GET(request: NextRequest) {
  const { searchParams } = request.nextUrl
  const outcome = await confirmEmailLink(await createClient(), searchParams)
  // next/navigation's redirect keeps the session cookies written through cookies().
  if (!outcome.ok) redirect(`/auth/error?reason=${outcome.reason}`)
  redirect(needsNewPassword(outcome.type) ? '/auth/update-password' : safeNextPath(searchParams.get('next')))
}
