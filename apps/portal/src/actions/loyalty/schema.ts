import { z } from 'zod'

export const redeemSchema = z.object({ rewardId: z.uuid({ message: 'Unknown reward.' }) })
