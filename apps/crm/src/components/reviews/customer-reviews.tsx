import type { CustomerReview } from '@repo/database/repositories'
import { formatDate } from '@repo/domain/dates'
import { ratingLabel, ratingStars } from '@repo/domain/reviews'

/** The customer's ratings of their visits (given on the portal's review page), newest first. */
export function CustomerReviews({
  reviews,
  timeZone,
}: {
  reviews: CustomerReview[]
  timeZone: string
}) {
  if (reviews.length === 0) return null
  return (
    <section
      aria-labelledby="customer-reviews"
      className="mt-6 space-y-2 border-t border-slate-200 pt-4"
    >
      <h2 id="customer-reviews" className="font-semibold text-slate-900">
        Reviews
      </h2>
      <ul className="space-y-2">
        {reviews.map((review) => (
          <li
            key={review.id}
            data-testid="customer-review"
            className="rounded-lg border border-slate-200 p-3 text-sm"
          >
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span
                role="img"
                aria-label={ratingLabel(review.rating ?? 0)}
                className="text-amber-700"
              >
                {ratingStars(review.rating ?? 0)}
              </span>
              <span className="font-medium text-slate-900">{review.job_title ?? 'A visit'}</span>
              {review.submitted_at ? (
                <span className="text-slate-700">{formatDate(review.submitted_at, timeZone)}</span>
              ) : null}
            </p>
            {review.comment ? (
              <p className="mt-1 break-words whitespace-pre-line text-slate-800">
                {review.comment}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
