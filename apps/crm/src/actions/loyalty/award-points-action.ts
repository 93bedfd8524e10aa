'use server'

import { awardPoints } from '@repo/database/repositories'
import type { LoyaltyTransactionRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import type { z } from 'zod'
import { type ActionResult, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { loyaltyAwardSchema } from './schema.ts'

const defaultDescriptions = { earned: 'Points awarded', bonus: 'Bonus points', adjustment: 'Adjustment' } as const

export async function awardPointsAction(input: z.input<typeof loyaltyAwardSchema>): Promise<ActionResult<LoyaltyTransactionRow>> {
  return runStaffAction(
    'loyalty.award',
    'loyalty.manage',
    loyaltyAwardSchema,
    input,
    async ({ supabase, staff }, data) => {
      const row = await awardPoints(supabase, {
        organizationId: staff.organization_id,
        customerId: data.customerId,
        kind: data.kind,
        points: data.points,
        description: data.description || defaultDescriptions[data.kind],
      })
      revalidatePath(`/customers/${data.customerId}`)
      return ok(row)
    },
    { foreignKeyField: 'customerId' },
  )
}
