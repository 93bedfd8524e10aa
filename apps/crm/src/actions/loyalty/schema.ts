import { awardKinds } from '@repo/domain/loyalty'
import { z } from 'zod'
import { recordId } from '../ids.ts'

const points = z
  .number({ message: 'Points must be a number' })
  .int('Points must be a whole number')
  .min(-100_000, 'Points are out of range')
  .max(100_000, 'Points are out of range')

export const loyaltyAwardSchema = z
  .object({
    customerId: recordId('Customer'),
    kind: z.enum(awardKinds, { message: 'Choose award, bonus or adjustment' }),
    points,
    description: z.string().trim().max(300, 'Reason is too long').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.points === 0) ctx.addIssue({ code: 'custom', path: ['points'], message: 'Points cannot be zero' })
    if (v.kind !== 'adjustment' && v.points < 0) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'Awards and bonuses must be positive; use an adjustment' })
    }
    if (v.kind === 'adjustment' && v.description.length < 3) {
      ctx.addIssue({ code: 'custom', path: ['description'], message: 'An adjustment needs a reason' })
    }
  })
