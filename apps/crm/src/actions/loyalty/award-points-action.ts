'use server'

import { ok } from '@repo/actions/result'
import { awardPoints } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { customerKey } from '../unknown-records.ts'
import { loyaltyAwardSchema } from './schema.ts'

const defaultDescriptions = { earned: 'Points awarded', bonus: 'Bonus points', adjustment: 'Adjustment' } as const

export const awardPointsAction = staffAction(
  {
    name: 'loyalty.award',
    schema: loyaltyAwardSchema,
    role: 'loyalty.manage',
    errors: { foreignKeys: customerKey },
  },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    const row = await awardPoints(supabase, {
      organizationId: staff.organization_id,
      customerId: input.customerId,
      kind: input.kind,
      points: input.points,
      description: input.description || defaultDescriptions[input.kind],
    })
    revalidate(`/customers/${input.customerId}`)
    return ok(row)
  },
)
