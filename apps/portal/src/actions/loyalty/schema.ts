import { z } from 'zod'

export const rewardIdSchema = z.uuid({ message: 'Unknown reward.' })
