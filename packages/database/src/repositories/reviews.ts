import type { Client, ReviewRow } from '../types.ts'
import { ValidationError, unwrap } from './errors.ts'
import { assertUuid } from './validate.ts'

/** What the review page shows for a link: the visit, and the review once it is given. */
export interface ReviewRequest {
  business: string
  timezone: string
  title: string
  starts_at: string
  technician_first_name: string | null
  rating: number | null
  comment: string | null
  submitted_at: string | null
  /** The business's public review page, offered only after a rating above its threshold. */
  public_review_url: string | null
}

/** A review token is 64 hex characters; anything else is refused before asking the database. */
function assertToken(token: string): string {
  if (!/^[0-9a-f]{64}$/.test(token)) throw new ValidationError('token', 'is not a review link')
  return token
}

/** The visit a review link is about (anyone holding the link; no sign-in). */
export async function reviewRequestByToken(client: Client, token: string): Promise<ReviewRequest> {
  const result = await client.rpc('review_by_token', { p_token: assertToken(token) })
  return unwrap(result, 'opening the review') as unknown as ReviewRequest
}

/**
 * Rates the visit once (1–5, an optional comment). A second submission is refused with a message
 * for the customer; the first review stays as it was.
 */
export async function submitReview(
  client: Client,
  input: { token: string; rating: number; comment?: string | null },
): Promise<ReviewRequest> {
  const result = await client.rpc('submit_review', {
    p_token: assertToken(input.token),
    p_rating: input.rating,
    p_comment: input.comment ?? undefined,
  })
  return unwrap(result, 'saving the review') as unknown as ReviewRequest
}

export type CustomerReview = Pick<
  ReviewRow,
  'id' | 'job_id' | 'rating' | 'comment' | 'submitted_at'
> & { job_title: string | null }

/** A customer's given reviews, newest first, with the job's title (staff of the organization). */
export async function listCustomerReviews(
  client: Client,
  customerId: string,
): Promise<CustomerReview[]> {
  const result = await client
    .from('reviews')
    .select('id, job_id, rating, comment, submitted_at, jobs(title)')
    .eq('customer_id', assertUuid(customerId, 'customerId'))
    .not('submitted_at', 'is', null)
    .order('submitted_at', { ascending: false })
  return unwrap(result, 'listing reviews').map(({ jobs, ...review }) => ({
    ...review,
    job_title: jobs?.title ?? null,
  }))
}
