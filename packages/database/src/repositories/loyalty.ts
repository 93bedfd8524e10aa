import type { Client, LoyaltyKind, LoyaltyRewardRow, LoyaltyTransactionRow } from '../types.ts'
import { rpcRow, unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

/** A customer's points history, newest first. */
export async function listLoyaltyTransactions(
  client: Client,
  customerId: string,
): Promise<LoyaltyTransactionRow[]> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client
    .from('loyalty_transactions')
    .select('*')
    .eq('customer_id', id)
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
  return unwrap(result, 'listing loyalty transactions')
}

/** The balance, derived by the database from the transactions. */
export async function getLoyaltyBalance(client: Client, customerId: string): Promise<number> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client.rpc('loyalty_balance', { p_customer_id: id })
  return Number(unwrap(result, 'loading loyalty balance'))
}

/** Rewards a customer can redeem (active ones unless `includeInactive`). */
export async function listRewards(
  client: Client,
  organizationId: string,
  options: { includeInactive?: boolean } = {},
): Promise<LoyaltyRewardRow[]> {
  const id = assertUuid(organizationId, 'organizationId')
  let query = client.from('loyalty_rewards').select('*').eq('organization_id', id)
  if (!options.includeInactive) query = query.eq('active', true)
  return unwrap(await query.order('points_cost', { ascending: true }).order('id', { ascending: true }), 'listing rewards')
}

/** Adds a reward to the catalogue (owners and admins, by RLS). */
export async function createReward(
  client: Client,
  input: {
    organizationId: string
    name: string
    pointsCost: number
    description?: string | null
    /** Money off the customer's next invoice when redeemed (a credit); null for other rewards. */
    creditCents?: number | null
  },
): Promise<LoyaltyRewardRow> {
  if (!input.name.trim()) throw new ValidationError('name', 'must not be empty')
  if (!Number.isInteger(input.pointsCost) || input.pointsCost < 1) {
    throw new ValidationError('pointsCost', 'must be a whole number of points, at least 1')
  }
  const result = await client
    .from('loyalty_rewards')
    .insert({
      organization_id: assertUuid(input.organizationId, 'organizationId'),
      name: input.name.trim(),
      points_cost: input.pointsCost,
      credit_cents: input.creditCents ?? null,
      description: input.description?.trim() || null,
    })
    .select('*')
    .single()
  return unwrap(result, 'adding the reward')
}

/** Offers a reward again, or stops offering it (redemptions already made keep their history). */
export async function setRewardActive(client: Client, rewardId: string, active: boolean): Promise<LoyaltyRewardRow> {
  const id = assertUuid(rewardId, 'rewardId')
  const result = await client.from('loyalty_rewards').update({ active }).eq('id', id).select('*').maybeSingle()
  return unwrapOne(result, 'updating the reward', 'reward', id)
}

/** Redeems a reward; the database checks the balance in the same transaction. */
export async function redeemReward(
  client: Client,
  customerId: string,
  rewardId: string,
): Promise<LoyaltyTransactionRow> {
  const result = await client.rpc('redeem_points', {
    p_customer_id: assertUuid(customerId, 'customerId'),
    p_reward_id: assertUuid(rewardId, 'rewardId'),
  })
  return rpcRow(unwrap(result, 'redeeming reward'), 'redeem_points')
}

/** Redeems a number of points for a described purpose (balance checked by the database). */
export async function redeemPoints(
  client: Client,
  customerId: string,
  points: number,
  description: string,
): Promise<LoyaltyTransactionRow> {
  const id = assertUuid(customerId, 'customerId')
  if (!Number.isInteger(points) || points <= 0)
    throw new ValidationError('points', 'must be a positive whole number')
  if (!description.trim()) throw new ValidationError('description', 'must not be empty')
  const result = await client.rpc('redeem_points', {
    p_customer_id: id,
    p_points: points,
    p_description: description.trim(),
  })
  return rpcRow(unwrap(result, 'redeeming points'), 'redeem_points')
}


export interface AwardPointsInput {
  organizationId: string
  customerId: string
  points: number
  kind?: Exclude<LoyaltyKind, 'redeemed'>
  description: string
  jobId?: string | null
}

/** Staff credit (or, with kind adjustment, debit) points by hand. */
export async function awardPoints(
  client: Client,
  input: AwardPointsInput,
): Promise<LoyaltyTransactionRow> {
  const kind = input.kind ?? 'bonus'
  if (!Number.isInteger(input.points) || input.points === 0) {
    throw new ValidationError('points', 'must be a non-zero whole number')
  }
  if (input.points < 0 && kind !== 'adjustment') {
    throw new ValidationError('points', 'may only be negative for an adjustment')
  }
  if (!input.description.trim()) throw new ValidationError('description', 'must not be empty')
  // created_by is set by the database from the caller's token.
  const result = await client
    .from('loyalty_transactions')
    .insert({
      organization_id: assertUuid(input.organizationId, 'organizationId'),
      customer_id: assertUuid(input.customerId, 'customerId'),
      points: input.points,
      kind,
      description: input.description.trim(),
      job_id: input.jobId ? assertUuid(input.jobId, 'jobId') : null,
    })
    .select('*')
    .single()
  return unwrap(result, 'awarding points')
}
