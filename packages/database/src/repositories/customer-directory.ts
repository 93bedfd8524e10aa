import type { Client, CustomerRow, RowUpdate } from '../types.ts'
import { NotFoundError, unwrap, ValidationError } from './errors.ts'
import { assertUuid, pageRange } from './validate.ts'

export const customerSortColumns = [
  'last_name',
  'first_name',
  'email',
  'city',
  'created_at',
  'updated_at',
] as const
export type CustomerSortColumn = (typeof customerSortColumns)[number]
export type PortalFilter = 'all' | 'with_portal' | 'without_portal'
/** Archived customers: left out (the lists' default), shown alongside the others, or alone. */
export type ArchivedFilter = 'exclude' | 'include' | 'only'

export interface CustomerDirectoryQuery {
  organizationId: string
  search?: string
  sort?: CustomerSortColumn
  ascending?: boolean
  portal?: PortalFilter
  /** Default `include` (every customer). */
  archived?: ArchivedFilter
  city?: string
  page?: number
  pageSize?: number
}

export interface CustomerDirectoryPage {
  rows: CustomerRow[]
  total: number
}

/** One page of the staff customer grid: search, sort, filter, exact total for pagination. */
export async function searchCustomerDirectory(
  client: Client,
  q: CustomerDirectoryQuery,
): Promise<CustomerDirectoryPage> {
  const org = assertUuid(q.organizationId, 'organizationId')
  const sort = q.sort ?? 'last_name'
  if (!customerSortColumns.includes(sort))
    throw new ValidationError('sort', 'is not a sortable column')
  const pageSize = q.pageSize ?? 25
  const page = q.page ?? 0
  const { from, to } = pageRange(pageSize, page * pageSize)
  const search = q.search?.trim()
  // A search goes through search_customers(), which can use the trigram indexes (see the migration).
  let query = search
    ? client.rpc('search_customers', { p_organization_id: org, p_search: search }, { count: 'exact' })
    : client.from('customers').select('*', { count: 'exact' }).eq('organization_id', org)
  if (q.portal === 'with_portal') query = query.not('portal_user_id', 'is', null)
  if (q.portal === 'without_portal') query = query.is('portal_user_id', null)
  if (q.archived === 'exclude') query = query.is('archived_at', null)
  if (q.archived === 'only') query = query.not('archived_at', 'is', null)
  if (q.city?.trim()) query = query.ilike('city', q.city.trim().replace(/[%*\\]/g, ''))
  const ascending = q.ascending ?? true
  query = query
    .order(sort, { ascending, nullsFirst: false })
    .order('id', { ascending: true })
    .range(from, to)
  const result = await query
  return { rows: unwrap(result, 'searching customers'), total: result.count ?? 0 }
}

export type GuardedUpdate<T> = { status: 'updated'; row: T } | { status: 'stale'; current: T }

/**
 * Updates a customer only if nobody saved it since `expectedUpdatedAt` (no silent lost update).
 * On a mismatch nothing changes and the current row is returned so the editor can show it.
 */
export async function updateCustomerIfUnchanged(
  client: Client,
  customerId: string,
  expectedUpdatedAt: string,
  patch: RowUpdate<'customers'>,
): Promise<GuardedUpdate<CustomerRow>> {
  const id = assertUuid(customerId, 'customerId')
  const updated = unwrap(
    await client
      .from('customers')
      .update(patch)
      .eq('id', id)
      .eq('updated_at', expectedUpdatedAt)
      .select('*'),
    'updating customer',
  )[0]
  if (updated) return { status: 'updated', row: updated }
  const current = unwrap(
    await client.from('customers').select('*').eq('id', id).limit(1),
    'loading customer',
  )[0]
  if (!current) throw new NotFoundError('customer', id)
  return { status: 'stale', current }
}

/** Customers by id, for labelling rows from other tables without relying on embedding. */
export async function getCustomersByIds(
  client: Client,
  customerIds: string[],
): Promise<CustomerRow[]> {
  const ids = [...new Set(customerIds)].map((r, i) => assertUuid(r, `customerIds.${i}`))
  if (ids.length === 0) return []
  return unwrap(await client.from('customers').select('*').in('id', ids), 'loading customers')
}
