import type { EmailOtpType } from '@supabase/supabase-js'
import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { safeNextPath } from '@/actions/auth/schema'

const otpTypes = new Set<EmailOtpType>(['signup', 'invite', 'magiclink', 'recovery', 'email_change', 'email'])

/** Lands e-mail links (magic link, invitation, recovery): verifies the token hash and signs in. */
export async function GET(request: NextRequest) {
  const { searchParams } = request.nextUrl
  const tokenHash = searchParams.get('token_hash')
  const type = searchParams.get('type') as EmailOtpType | null
  if (tokenHash && type && otpTypes.has(type)) {
    const supabase = await createClient()
    const { error } = await supabase.auth.verifyOtp({ type, token_hash: tokenHash })
    // next/navigation's redirect keeps the session cookies written through cookies().
    if (!error) {
      // Invitations and recoveries always continue to choosing a password.
      redirect(type === 'invite' || type === 'recovery' ? '/auth/update-password' : safeNextPath(searchParams.get('next')))
    }
  }
  redirect('/auth/error')
}
