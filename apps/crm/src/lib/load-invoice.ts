import 'server-only'
import { getInvoice, type InvoiceWithLineItems, NotFoundError, ValidationError } from '@repo/database/repositories'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { requireStaff } from './staff-context.ts'

/**
 * The invoice a page is about, or the 404 page: a malformed id, an unknown one and another
 * organization's invoice (hidden by RLS) end the same way. Cached per request.
 */
export const loadInvoice = cache(async (id: string): Promise<InvoiceWithLineItems> => {
  const { supabase } = await requireStaff()
  return getInvoice(supabase, id).catch((error: unknown) => {
    if (error instanceof NotFoundError || error instanceof ValidationError) notFound()
    throw error
  })
})
