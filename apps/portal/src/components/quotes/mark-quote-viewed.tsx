'use client'

import { useEffect, useRef } from 'react'
import { markQuoteViewedAction } from '@/actions/quotes/mark-quote-viewed-action'

/**
 * Rendered while a quote is "sent": tells the business the customer opened it, once, from the
 * browser (a prefetch or a link preview never counts). The live update then re-renders the page.
 */
export function MarkQuoteViewed({ quoteId }: { quoteId: string }) {
  const sent = useRef<string | null>(null)
  useEffect(() => {
    if (sent.current === quoteId) return
    sent.current = quoteId
    void markQuoteViewedAction(quoteId)
  }, [quoteId])
  return null
}
