import type { ReviewRequest } from '@repo/database/repositories'
import { ratingLabel, ratingStars } from '@repo/domain/reviews'

/** What the customer sees once the review is in (also when they open the link again). */
export function ReviewThanks({ review }: { review: ReviewRequest }) {
  return (
    <div role="status" className="space-y-3">
      <p className="text-lg font-semibold text-slate-900">Thank you for your review!</p>
      <p className="text-slate-800">
        You rated the visit{' '}
        <span aria-hidden className="text-amber-700">
          {ratingStars(review.rating ?? 0)}
        </span>{' '}
        <span>({ratingLabel(review.rating ?? 0)}).</span>
      </p>
      {review.comment ? (
        <p className="break-words whitespace-pre-line text-slate-700">“{review.comment}”</p>
      ) : null}
      {review.public_review_url ? (
        <p className="text-slate-800">
          Glad it went well. Would you share it with others too?{' '}
          <a
            href={review.public_review_url}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex min-h-11 items-center font-medium text-sky-800 underline"
          >
            Review {review.business} publicly
          </a>
        </p>
      ) : null}
    </div>
  )
}
