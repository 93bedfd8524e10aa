// Whole-table reads for the CSV exports, through the caller's client (RLS decides what is in the
// file). PostgREST answers at most 1,000 rows per request (max_rows), so the reads page.
import type { PostgrestError } from '@supabase/supabase-js'
import type { Client, CustomerRow, InvoiceRow, JobRow } from '../types.ts'
import { unwrap } from './errors.ts'
import { assertUuid } from './validate.ts'

const PAGE = 1000

async function readAll<T>(
  page: (
    from: number,
    to: number,
  ) => PromiseLike<{ data: T[] | null; error: PostgrestError | null; status?: number }>,
  action: string,
): Promise<T[]> {
  const rows: T[] = []
  for (let from = 0; ; from += PAGE) {
    const batch = unwrap(await page(from, from + PAGE - 1), action)
    rows.push(...batch)
    if (batch.length < PAGE) return rows
  }
}

/** Every customer of the organization, by name. */
export function exportCustomers(client: Client, organizationId: string): Promise<CustomerRow[]> {
  const org = assertUuid(organizationId, 'organizationId')
  return readAll(
    (from, to) =>
      client
        .from('customers')
        .select('*')
        .eq('organization_id', org)
        .order('last_name')
        .order('first_name')
        .order('id')
        .range(from, to),
    'exporting customers',
  )
}

/** Every job of the organization, by start. */
export function exportJobs(client: Client, organizationId: string): Promise<JobRow[]> {
  const org = assertUuid(organizationId, 'organizationId')
  return readAll(
    (from, to) =>
      client
        .from('jobs')
        .select('*')
        .eq('organization_id', org)
        .order('scheduled_start')
        .order('id')
        .range(from, to),
    'exporting jobs',
  )
}

/** Every invoice of the organization, oldest first. */
export function exportInvoices(client: Client, organizationId: string): Promise<InvoiceRow[]> {
  const org = assertUuid(organizationId, 'organizationId')
  return readAll(
    (from, to) =>
      client
        .from('invoices')
        .select('*')
        .eq('organization_id', org)
        .order('created_at')
        .order('id')
        .range(from, to),
    'exporting invoices',
  )
}
