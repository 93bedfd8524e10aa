'use server'

import { fail, ok } from '@repo/actions/result'
import { getLoyaltyBalance, listRewards, redeemReward } from '@repo/database/repositories'
import { customerAction, everywhere } from '@/lib/customer-action'
import { rewardIdSchema } from './schema'

/** Redeems through the database function, which re-checks the balance in the same transaction. */
export const redeemRewardAction = customerAction(
  {
    name: 'loyalty.redeem',
    schema: rewardIdSchema,
    errors: { fallback: 'We could not redeem that reward.' },
    revalidate: everywhere,
  },
  async ({ input: rewardId, ctx: { supabase, customer } }) => {
    const [rewards, balance] = await Promise.all([
      listRewards(supabase, customer.organization_id),
      getLoyaltyBalance(supabase, customer.id),
    ])
    const reward = rewards.find((r) => r.id === rewardId)
    if (!reward) return fail('That reward is no longer available.')
    if (reward.points_cost > balance) {
      return fail(`You need ${reward.points_cost - balance} more points for ${reward.name}.`)
    }
    return ok(await redeemReward(supabase, customer.id, reward.id))
  },
)
