import { reviewCommentMaxLength } from '@repo/domain/reviews'
import { z } from 'zod'

/** The review form: the link's token, 1–5 stars, an optional comment. */
export const reviewSchema = z.object({
  token: z.string().regex(/^[0-9a-f]{64}$/, 'This review link is not valid'),
  rating: z.coerce
    .number({ message: 'Choose from 1 to 5 stars' })
    .int('Choose from 1 to 5 stars')
    .min(1, 'Choose from 1 to 5 stars')
    .max(5, 'Choose from 1 to 5 stars'),
  comment: z
    .string()
    .trim()
    .max(reviewCommentMaxLength, `At most ${reviewCommentMaxLength} characters`)
    .optional()
    .transform((v) => v || null),
})
