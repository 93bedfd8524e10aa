'use server'

import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'

export async function signOutAction(): Promise<never> {
  const supabase = await createClient()
  await supabase.auth.signOut()
  redirect('/auth/login')
}
