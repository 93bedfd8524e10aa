// Reviews of completed visits (migration 32): the star wording, what counts as a low rating and
// the limits the database enforces, so the portal's form and the CRM say the same.

export const ratings = [1, 2, 3, 4, 5] as const
export type Rating = (typeof ratings)[number]

export const reviewCommentMaxLength = 2000
export const defaultLowRatingThreshold = 3

/** "2 of 5 stars": what a screen reader hears and what the CRM prints. */
export const ratingLabel = (rating: number) => `${rating} of 5 stars`

/** Five characters, filled up to the rating: "★★☆☆☆". */
export const ratingStars = (rating: number) =>
  '★'.repeat(Math.max(0, Math.min(5, rating))) + '☆'.repeat(5 - Math.max(0, Math.min(5, rating)))

/** What the portal's star buttons say. */
export const ratingWord: Record<Rating, string> = {
  1: 'Poor',
  2: 'Fair',
  3: 'Good',
  4: 'Very good',
  5: 'Excellent',
}

/** A rating at or under the business's threshold tells the office (a bell notice). */
export const isLowRating = (rating: number, threshold: number) => rating <= threshold

export const isRating = (value: unknown): value is Rating =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
