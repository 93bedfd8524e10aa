'use server'

import { getLoyaltyBalance, listRewards, redeemReward } from '@repo/database/repositories'
import type { LoyaltyTransactionRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, ok } from '@/lib/action-result'
import { createLogger } from '@/lib/logger'
import { requirePortalSession } from '@/lib/portal-session'
import { friendlyError } from '../error-message'
import { redeemSchema } from './schema'

const log = createLogger('loyalty')

/** Redeems through the database function, which re-checks the balance in the same transaction. */
export async function redeemRewardAction(rewardId: string): Promise<ActionResult<LoyaltyTransactionRow>> {
  const parsed = redeemSchema.safeParse({ rewardId })
  if (!parsed.success) return fail('Unknown reward.')
  const { supabase, customer } = await requirePortalSession()
  try {
    const [rewards, balance] = await Promise.all([
      listRewards(supabase, customer.organization_id),
      getLoyaltyBalance(supabase, customer.id),
    ])
    const reward = rewards.find((r) => r.id === parsed.data.rewardId)
    if (!reward) return fail('That reward is no longer available.')
    if (reward.points_cost > balance) {
      return fail(`You need ${reward.points_cost - balance} more points for ${reward.name}.`)
    }
    const transaction = await redeemReward(supabase, customer.id, reward.id)
    revalidatePath('/', 'layout')
    return ok(transaction)
  } catch (error) {
    log.warn('redeem failed', { rewardId: parsed.data.rewardId, error: String(error) })
    return fail(friendlyError(error, 'We could not redeem that reward.'))
  }
}
