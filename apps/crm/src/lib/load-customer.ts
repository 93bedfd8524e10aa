import 'server-only'
import { getCustomer, NotFoundError } from '@repo/database/repositories'
import type { CustomerRow } from '@repo/database/types'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { requireStaff } from './staff-context.ts'

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The customer a page is about, or the CRM's "Not found" page with HTTP 404: a malformed id, an
 * unknown one and another organization's customer (hidden by RLS) all end the same way. Cached per
 * request, so a segment's layout can call it before anything streams (a `notFound()` thrown after
 * the first bytes, inside a loading boundary, could no longer change the status from 200) and its
 * page can call it again for free.
 */
export const loadCustomer = cache(async (id: string): Promise<CustomerRow> => {
  if (!idPattern.test(id)) notFound()
  const { supabase } = await requireStaff()
  const customer = await getCustomer(supabase, id).catch((error: unknown) => {
    if (error instanceof NotFoundError || (error as { code?: string }).code === 'invalid_input') return null
    throw error
  })
  if (!customer) notFound()
  return customer
})
