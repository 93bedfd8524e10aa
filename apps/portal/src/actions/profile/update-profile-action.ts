'use server'

import { updateCustomer } from '@repo/database/repositories'
import type { CustomerRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, invalid, ok } from '@/lib/action-result'
import { createLogger } from '@/lib/logger'
import { requirePortalSession } from '@/lib/portal-session'
import { friendlyError } from '../error-message'
import { profileSchema } from './schema'

const log = createLogger('profile')

export async function updateProfileAction(_prev: ActionResult<CustomerRow> | null, form: FormData): Promise<ActionResult<CustomerRow>> {
  const fields = Object.fromEntries(Object.keys(profileSchema.shape).map((k) => [k, String(form.get(k) ?? '')]))
  const parsed = profileSchema.safeParse(fields)
  if (!parsed.success) return invalid(parsed.error)
  const { supabase, customer } = await requirePortalSession()
  try {
    const updated = await updateCustomer(supabase, customer.id, parsed.data)
    revalidatePath('/', 'layout')
    return ok(updated)
  } catch (error) {
    log.warn('profile update failed', { error: String(error) })
    return fail(friendlyError(error, 'Your details could not be saved.'))
  }
}
