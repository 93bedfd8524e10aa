import 'server-only'
import { getQuote, isUuid, NotFoundError, type QuoteWithLines } from '@repo/database/repositories'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { requireStaff } from '@/lib/staff-context.ts'

/**
 * The quote a page is about, or the CRM's "Not found" page with HTTP 404: a malformed id, an
 * unknown one and another organization's quote (hidden by RLS) end the same way. Cached per request.
 */
export const loadQuote = cache(async (id: string): Promise<QuoteWithLines> => {
  if (!isUuid(id)) notFound()
  const { supabase } = await requireStaff()
  const quote = await getQuote(supabase, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null
    throw error
  })
  if (!quote) notFound()
  return quote
})
