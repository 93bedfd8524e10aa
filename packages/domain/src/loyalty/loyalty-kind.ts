import { Constants, type LoyaltyKind } from '@repo/database/types'

export type { LoyaltyKind }

export const loyaltyKinds: readonly LoyaltyKind[] = Constants.public.Enums.loyalty_kind

/** Kinds staff record by hand; redemptions go through the function that checks the balance. */
export type AwardKind = Exclude<LoyaltyKind, 'redeemed'>
export const awardKinds = /*#__PURE__*/ loyaltyKinds.filter(
  (kind): kind is AwardKind => kind !== 'redeemed',
)

export const loyaltyKindLabel: Record<LoyaltyKind, string> = {
  earned: 'Earned',
  redeemed: 'Redeemed',
  bonus: 'Bonus',
  adjustment: 'Adjustment',
}

/** The CRM's "Add points" choices. */
export const awardKindLabel: Record<AwardKind, string> = {
  earned: 'Award',
  bonus: 'Bonus',
  adjustment: 'Adjustment (±, needs a reason)',
}
