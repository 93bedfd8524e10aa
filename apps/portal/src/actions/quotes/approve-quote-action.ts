'use server'

import { fail, ok } from '@repo/actions/result'
import { approveQuote, getQuote } from '@repo/database/repositories'
import {
  choiceProblem,
  choiceTotals,
  formatValidUntil,
  isQuoteAwaitingAnswer,
  isQuotePastValidUntil,
  QUOTE_CHANGED_HINT,
  QUOTE_CHANGED_MESSAGE,
  toLineChoice,
} from '@repo/domain/quotes'
import { customerAction, everywhere } from '@/lib/customer-action'
import { approveQuoteSchema } from './schema'

/**
 * Approves the version the customer read, with their choices and signature. The database decides
 * (state, expiry, version, one choice per group, under a lock); the checks here put its refusals
 * in the customer's words first, and add one: the chosen lines must still add up to the total the
 * customer signed for (the sentence they sign names it). A changed quote comes back on `version`,
 * so the dialog can offer the new one.
 */
export const approveQuoteAction = customerAction(
  {
    name: 'quotes.approve',
    schema: approveQuoteSchema,
    errors: { fallback: 'We could not approve this quote.' },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase, organization } }) => {
    const quote = await getQuote(supabase, input.quoteId)
    if (isQuoteAwaitingAnswer(quote.status)) {
      const lines = quote.quote_line_items.map(toLineChoice)
      const problem = choiceProblem(lines, input.selectedLineIds)
      if (quote.version !== input.version || (!problem && choiceTotals(lines, input.selectedLineIds).totalCents !== input.totalCents)) {
        const message = `${QUOTE_CHANGED_MESSAGE}. ${QUOTE_CHANGED_HINT}`
        return fail(message, { version: [message] })
      }
      if (isQuotePastValidUntil(quote, organization.timezone)) {
        return fail(`This quote expired after ${formatValidUntil(quote)}. Ask ${organization.name} for a new one.`)
      }
      if (problem) return fail(problem, { selectedLineIds: [problem] })
    }
    return ok(
      await approveQuote(supabase, {
        quoteId: input.quoteId,
        version: input.version,
        selectedLineIds: input.selectedLineIds,
        signerName: input.signerName,
        signaturePng: input.signaturePng,
      }),
    )
  },
)
