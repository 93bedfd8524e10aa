import type { ChangeEvent, LoyaltyTransactionRow } from '@repo/database/types'
import type { ChangeNotice } from '../notice.ts'

/** Points earned or redeemed, as the customer hears it. */
export function describeLoyaltyChange(
  event: ChangeEvent,
  row: LoyaltyTransactionRow | null,
): ChangeNotice | null {
  if (event !== 'INSERT' || !row || row.points === 0) return null
  if (row.points > 0) {
    return {
      type: 'loyalty',
      tone: 'success',
      title: `You earned ${row.points} points`,
      description: row.description ?? undefined,
    }
  }
  return {
    type: 'loyalty',
    tone: 'info',
    title: `You redeemed ${-row.points} points`,
    description: row.description ?? undefined,
  }
}
