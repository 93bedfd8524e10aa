// The customer grid's state lives in the URL so it survives refreshes and can be shared.
export const gridSortColumns = ['last_name', 'first_name', 'email', 'city', 'created_at', 'updated_at'] as const
export type GridSortColumn = (typeof gridSortColumns)[number]
export const portalFilters = ['all', 'with_portal', 'without_portal'] as const
export type GridPortalFilter = (typeof portalFilters)[number]

export interface CustomerGridQuery {
  q: string
  sort: GridSortColumn
  dir: 'asc' | 'desc'
  portal: GridPortalFilter
  /** Archived customers are left out unless asked for. */
  archived: boolean
  page: number
}

export const pageSize = 25

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** Reads the grid query from search params; anything unknown falls back to a safe default. */
export function parseCustomerGridQuery(params: Record<string, string | string[] | undefined>): CustomerGridQuery {
  const sort = first(params.sort)
  const portal = first(params.portal)
  const page = Number.parseInt(first(params.page) ?? '0', 10)
  return {
    q: (first(params.q) ?? '').slice(0, 100),
    sort: gridSortColumns.includes(sort as GridSortColumn) ? (sort as GridSortColumn) : 'last_name',
    dir: first(params.dir) === 'desc' ? 'desc' : 'asc',
    portal: portalFilters.includes(portal as GridPortalFilter) ? (portal as GridPortalFilter) : 'all',
    archived: first(params.archived) === '1',
    page: Number.isFinite(page) && page >= 0 && page < 100_000 ? page : 0,
  }
}

export function customerGridHref(query: CustomerGridQuery, patch: Partial<CustomerGridQuery>): string {
  const next = { ...query, ...patch }
  const params = new URLSearchParams()
  if (next.q) params.set('q', next.q)
  if (next.sort !== 'last_name') params.set('sort', next.sort)
  if (next.dir !== 'asc') params.set('dir', next.dir)
  if (next.portal !== 'all') params.set('portal', next.portal)
  if (next.archived) params.set('archived', '1')
  if (next.page > 0) params.set('page', String(next.page))
  const text = params.toString()
  return text ? `/customers?${text}` : '/customers'
}
