import { confirmEmailLink, needsNewPassword } from '@repo/database/auth/email-links'
import { acceptStaffInvitation } from '@repo/database/repositories'
import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

/**
 * Lands the links of Auth's e-mails for staff accounts and signs in: an invitation goes on to
 * choosing a password, a sign-up confirmation to naming the business, a sign-in link to the CRM.
 */
export async function GET(request: NextRequest) {
  const supabase = await createClient()
  const outcome = await confirmEmailLink(supabase, request.nextUrl.searchParams)
  // next/navigation's redirect keeps the session cookies written through cookies().
  if (!outcome.ok) redirect(`/auth/login?link=${outcome.reason}`)
  if (needsNewPassword(outcome.type)) redirect('/auth/set-password')
  await acceptStaffInvitation(supabase)
  redirect(outcome.type === 'signup' || outcome.type === 'email' ? '/setup' : '/')
}
