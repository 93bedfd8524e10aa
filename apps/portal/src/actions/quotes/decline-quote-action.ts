'use server'

import { ok } from '@repo/actions/result'
import { declineQuote } from '@repo/database/repositories'
import { customerAction, everywhere } from '@/lib/customer-action'
import { declineQuoteSchema } from './schema'

/** Declines with the customer's reason (decline_quote checks that the quote is still open). */
export const declineQuoteAction = customerAction(
  {
    name: 'quotes.decline',
    schema: declineQuoteSchema,
    errors: { fallback: 'We could not decline this quote.' },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase } }) => ok(await declineQuote(supabase, input.quoteId, input.reason)),
)
