import 'server-only'
import { isUnavailable } from '@repo/actions/errors'
import { createClient } from '@repo/database/server'
import { cache } from 'react'

export interface SignedIn {
  supabase: Awaited<ReturnType<typeof createClient>>
  user: { id: string; email: string; fullName: string }
}

/**
 * Who is signed in, staff or not, asked of Auth once per request: the staff context builds on it,
 * and the first-run page serves logins that belong to no business yet.
 */
export const findSignedInUser = cache(async (): Promise<SignedIn | null> => {
  const supabase = await createClient()
  const { data, error } = await supabase.auth.getUser()
  // An Auth outage is not a signed-out user: let it surface as "unavailable", not "sign in again".
  if (error && isUnavailable(error)) throw error
  if (!data.user) return null
  const name = data.user.user_metadata?.full_name
  return {
    supabase,
    user: { id: data.user.id, email: data.user.email ?? '', fullName: typeof name === 'string' ? name : '' },
  }
})
