'use client'

import { FormMessage, useActionForm } from '@repo/actions/form'
import type { ReviewRequest } from '@repo/database/repositories'
import { ratings, ratingWord, reviewCommentMaxLength } from '@repo/domain/reviews'
import { Button } from '@repo/ui/button'
import { TextAreaField } from '@repo/ui/field'
import { submitReviewAction } from '@/actions/reviews/submit-review-action'
import { ReviewThanks } from './review-thanks'

/** Five star choices and a comment; after sending, the thanks (and a public review link, if offered). */
export function ReviewForm({ token }: { token: string }) {
  const { formProps, result, pending, fieldError, value } = useActionForm(submitReviewAction, {
    failure: false,
  })
  if (result?.ok) return <ReviewThanks review={result.data as ReviewRequest} />
  const chosen = value('rating')
  const ratingError = fieldError('rating')
  return (
    <form {...formProps} className="space-y-5" noValidate aria-label="Rate the visit">
      <input type="hidden" name="token" value={token} />
      <fieldset aria-describedby={ratingError ? 'rating-error' : undefined}>
        <legend className="mb-2 font-medium text-slate-900">Your rating</legend>
        <div className="flex flex-wrap gap-2">
          {ratings.map((n) => (
            <label
              key={n}
              className="flex min-h-11 min-w-14 cursor-pointer flex-col items-center justify-center rounded-lg border border-slate-300 px-2 py-1 text-sm text-slate-800 has-[:checked]:border-amber-600 has-[:checked]:bg-amber-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-700"
            >
              <input
                type="radio"
                name="rating"
                value={n}
                defaultChecked={chosen === String(n)}
                className="sr-only"
              />
              <span aria-hidden className="text-lg leading-none text-amber-700">
                {'★'.repeat(n)}
              </span>
              <span>{`${n} – ${ratingWord[n]}`}</span>
            </label>
          ))}
        </div>
        {ratingError ? (
          <p id="rating-error" className="mt-2 text-sm text-red-800">
            {ratingError}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label="Comment (optional)"
        name="comment"
        rows={4}
        maxLength={reviewCommentMaxLength}
        defaultValue={value('comment')}
        error={fieldError('comment')}
      />
      <FormMessage state={result} />
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {pending ? 'Sending…' : 'Send my review'}
      </Button>
    </form>
  )
}
