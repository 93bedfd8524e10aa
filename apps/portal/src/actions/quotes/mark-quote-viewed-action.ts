'use server'

import { ok } from '@repo/actions/result'
import { markQuoteViewed } from '@repo/database/repositories'
import { customerAction } from '@/lib/customer-action'
import { quoteIdSchema } from './schema'

/**
 * The customer opened a sent quote: staff see "Viewed" (live). Nothing to revalidate: the
 * customer's own wording is the same for sent and viewed, and the live update refreshes the page.
 */
export const markQuoteViewedAction = customerAction(
  { name: 'quotes.viewed', schema: quoteIdSchema },
  async ({ input: quoteId, ctx: { supabase } }) => {
    const quote = await markQuoteViewed(supabase, quoteId)
    return ok({ status: quote.status })
  },
)
