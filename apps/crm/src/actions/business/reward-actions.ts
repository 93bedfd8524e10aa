'use server'

import { ok } from '@repo/actions/result'
import { createReward, setRewardActive } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { newRewardSchema, rewardActiveSchema } from './schema.ts'

/** The reward catalogue customers redeem from in the portal (owners and admins). */
export const createRewardAction = staffAction(
  { name: 'settings.reward.create', schema: newRewardSchema, role: 'settings.manage', revalidate: ['/settings'] },
  async ({ input: { creditAmount, ...input }, ctx: { supabase, organization } }) =>
    ok(await createReward(supabase, { organizationId: organization.id, ...input, creditCents: creditAmount })),
)

export const setRewardActiveAction = staffAction(
  { name: 'settings.reward.active', schema: rewardActiveSchema, role: 'settings.manage', revalidate: ['/settings'] },
  async ({ input, ctx: { supabase } }) => ok(await setRewardActive(supabase, input.rewardId, input.active)),
)
