import {
  RepositoryError,
  reviewRequestByToken,
  type ReviewRequest,
} from '@repo/database/repositories'
import { createClient as createServiceClient } from '@repo/database/service-role'
import { formatDateTime } from '@repo/domain/dates'
import type { Metadata } from 'next'
import { AuthShell } from '@/components/auth/auth-shell'
import { ReviewForm } from '@/components/reviews/review-form'
import { ReviewThanks } from '@/components/reviews/review-thanks'

export const metadata: Metadata = { title: 'Rate your visit', robots: { index: false } }

/** The review link of a completed visit's e-mail or text: no sign-in, the token is the proof. */
export default async function ReviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  let review: ReviewRequest | null = null
  try {
    review = await reviewRequestByToken(createServiceClient(), token)
  } catch (error) {
    // A changed, truncated or unknown token: the same answer for all of them. Anything else
    // (the database unreachable) goes to the error page.
    if (!(error instanceof RepositoryError && ['PT404', 'invalid_input'].includes(error.code)))
      throw error
  }
  if (!review) {
    return (
      <AuthShell title="This link does not work">
        <p className="text-sm text-slate-700">
          The review link is incomplete or unknown. Use the link from the message as it is.
        </p>
      </AuthShell>
    )
  }
  const when = formatDateTime(review.starts_at, review.timezone)
  const who = review.technician_first_name ? ` with ${review.technician_first_name}` : ''
  return (
    <AuthShell
      title="How was your visit?"
      intro={`${review.business}: ${review.title}${who}, ${when}.`}
    >
      {review.submitted_at ? <ReviewThanks review={review} /> : <ReviewForm token={token} />}
    </AuthShell>
  )
}
