'use server'

import { updateCustomer } from '@repo/database/repositories'
import type { CustomerRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, invalid, ok, withValues } from '@/lib/action-result'
import { createLogger } from '@/lib/logger'
import { requirePortalSession } from '@/lib/portal-session'
import { friendlyError } from '../error-message'
import { profileSchema } from './schema'

const log = createLogger('profile')

export async function updateProfileAction(_prev: ActionResult<CustomerRow> | null, form: FormData): Promise<ActionResult<CustomerRow>> {
  const names = Object.keys(profileSchema.shape)
  const fields = Object.fromEntries(names.map((k) => [k, String(form.get(k) ?? '')]))
  const parsed = profileSchema.safeParse(fields)
  if (!parsed.success) return withValues(invalid(parsed.error), form, names)
  const { supabase, customer } = await requirePortalSession()
  try {
    const updated = await updateCustomer(supabase, customer.id, parsed.data)
    revalidatePath('/', 'layout')
    return ok(updated)
  } catch (error) {
    log.warn('profile update failed', { error: String(error) })
    return withValues(fail(friendlyError(error, 'Your details could not be saved.')), form, names)
  }
}
