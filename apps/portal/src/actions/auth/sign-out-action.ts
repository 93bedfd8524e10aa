'use server'

import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'

export async function signOutAction(): Promise<void> {
  const supabase = await createClient()
  await supabase.auth.signOut()
  redirect('/auth/login')
}
