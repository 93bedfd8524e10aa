'use server'

import { updateCustomer } from '@repo/database/repositories'
import type { NotificationPreferences } from '@repo/domain/notifications'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, ok } from '@/lib/action-result'
import { requirePortalSession } from '@/lib/portal-session'
import { friendlyError } from '../error-message'
import { preferencesSchema } from './schema'

export async function updatePreferencesAction(input: NotificationPreferences): Promise<ActionResult<NotificationPreferences>> {
  const parsed = preferencesSchema.safeParse(input)
  if (!parsed.success) return fail('Unknown notification setting.')
  const { supabase, customer } = await requirePortalSession()
  try {
    // Merge so keys other features may store in the same column survive.
    const current = (customer.notification_preferences ?? {}) as Record<string, unknown>
    await updateCustomer(supabase, customer.id, { notification_preferences: { ...current, ...parsed.data } })
    revalidatePath('/', 'layout')
    return ok(parsed.data)
  } catch (error) {
    return fail(friendlyError(error, 'Your notification settings could not be saved.'))
  }
}
