import 'server-only'
import { createClient } from '@repo/database/server'
import { cache } from 'react'

/** Who is signed in, staff or not (the first-run page serves logins that belong to no business). */
export const findSignedInUser = cache(async (): Promise<{ id: string; email: string; fullName: string } | null> => {
  const supabase = await createClient()
  const { data } = await supabase.auth.getUser()
  if (!data.user) return null
  const name = data.user.user_metadata?.full_name
  return { id: data.user.id, email: data.user.email ?? '', fullName: typeof name === 'string' ? name : '' }
})
