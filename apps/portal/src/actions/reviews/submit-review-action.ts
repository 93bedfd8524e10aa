'use server'

import { publicAction } from '@repo/actions/server'
import { ok } from '@repo/actions/result'
import { submitReview } from '@repo/database/repositories'
import { createClient as createServiceClient } from '@repo/database/service-role'
import { reviewSchema } from './schema'

/**
 * The review page's form: no sign-in, the link's token is the proof. A second submission is
 * refused by the database with a message for the customer; the first review stays.
 */
export const submitReviewAction = publicAction(
  {
    name: 'reviews.submit',
    schema: reviewSchema,
    keep: ['rating', 'comment'],
    invalid: 'Please check the highlighted fields.',
  },
  async ({ input }) =>
    ok(
      await submitReview(createServiceClient(), {
        token: input.token,
        rating: input.rating,
        comment: input.comment,
      }),
    ),
)
