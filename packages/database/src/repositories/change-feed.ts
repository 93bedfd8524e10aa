import type { ChangeFeedRow, Client, Row, TableName } from '../types.ts'
import { unwrap, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

/** The most change-feed entries one call returns (hosted PostgREST's default `max_rows` too). */
export const CHANGE_FEED_PAGE_MAX = 1000

export interface ListChangesOptions {
  /** Only events with an id greater than this (what a reconnecting view missed). */
  afterId?: number
  tableName?: string
  recordId?: string
  limit?: number
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > CHANGE_FEED_PAGE_MAX)
    throw new ValidationError('limit', `must be 1 to ${CHANGE_FEED_PAGE_MAX}`)
  return limit
}

function checkId(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw new ValidationError(field, 'must be 0 or more')
  return value
}

/** The organization's change feed, oldest first: what changed, not the rows themselves. */
export async function listChanges(
  client: Client,
  organizationId: string,
  options: ListChangesOptions = {},
): Promise<ChangeFeedRow[]> {
  const id = assertUuid(organizationId, 'organizationId')
  const limit = checkLimit(options.limit ?? 100)
  let query = client.from('realtime_table_events').select('*').eq('organization_id', id)
  if (options.afterId !== undefined) query = query.gt('id', checkId(options.afterId, 'afterId'))
  if (options.tableName) query = query.eq('table_name', options.tableName)
  if (options.recordId) query = query.eq('record_id', assertUuid(options.recordId, 'recordId'))
  return unwrap(await query.order('id', { ascending: true }).limit(limit), 'listing changes')
}

/**
 * Whose entries a catch-up reads: an organization's (staff; every entry of the organization) or
 * one customer's (the customer themselves or their staff; only entries about rows the customer
 * could read when they changed). RLS decides in both cases; the scope only narrows.
 */
export type ChangeFeedScope = { organizationId: string } | { customerId: string }

export interface ChangeFeedPageOptions {
  /** Entries with an id greater than or equal to this, so a caller can see its anchor is still there. */
  fromId: number
  tables?: readonly string[]
  recordId?: string
  /** 1 to CHANGE_FEED_PAGE_MAX (default 500). */
  limit?: number
}

function feedPredicates(scope: ChangeFeedScope, options: Omit<ChangeFeedPageOptions, 'fromId'>) {
  const scopeColumn = 'organizationId' in scope ? 'organization_id' : 'customer_id'
  const scopeId =
    'organizationId' in scope
      ? assertUuid(scope.organizationId, 'organizationId')
      : assertUuid(scope.customerId, 'customerId')
  const recordId = options.recordId ? assertUuid(options.recordId, 'recordId') : undefined
  return { scopeColumn, scopeId, tables: options.tables, recordId } as const
}

/**
 * One page of a scope's change feed from `fromId` (inclusive), oldest first: what a rejoining
 * view reads to catch up on the changes it missed. Uses the `(organization_id, id)` and
 * `(customer_id, id)` indexes.
 */
export async function listChangeFeedPage(
  client: Client,
  scope: ChangeFeedScope,
  options: ChangeFeedPageOptions,
): Promise<ChangeFeedRow[]> {
  const fromId = checkId(options.fromId, 'fromId')
  const limit = checkLimit(options.limit ?? 500)
  const p = feedPredicates(scope, options)
  let query = client.from('realtime_table_events').select('*').eq(p.scopeColumn, p.scopeId)
  if (p.tables) query = query.in('table_name', [...p.tables])
  if (p.recordId) query = query.eq('record_id', p.recordId)
  return unwrap(
    await query.gte('id', fromId).order('id', { ascending: true }).limit(limit),
    'reading the change feed',
  )
}

/** The id of the newest entry of a scope (0 when it has none): where a new subscriber starts. */
export async function latestChangeId(
  client: Client,
  scope: ChangeFeedScope,
  options: Omit<ChangeFeedPageOptions, 'fromId' | 'limit'> = {},
): Promise<number> {
  const p = feedPredicates(scope, options)
  let query = client.from('realtime_table_events').select('id').eq(p.scopeColumn, p.scopeId)
  if (p.tables) query = query.in('table_name', [...p.tables])
  if (p.recordId) query = query.eq('record_id', p.recordId)
  const rows = unwrap(
    await query.order('id', { ascending: false }).limit(1),
    'reading the change feed',
  )
  return rows[0]?.id ?? 0
}

/** Ids per request when reading rows by id (keeps the URL short). */
const IDS_PER_REQUEST = 200

/**
 * The current rows with these ids that the caller may read (RLS applies; missing and hidden rows
 * are simply absent): what a catch-up hands to a view for the entries it missed.
 */
export async function listRowsByIds<T extends TableName>(
  client: Client,
  table: T,
  ids: readonly string[],
): Promise<Row<T>[]> {
  const unique = [...new Set(ids)].map((id) => assertUuid(id, 'ids'))
  const rows: Row<T>[] = []
  for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
    const chunk = unique.slice(i, i + IDS_PER_REQUEST)
    // A table chosen at run time: the builder cannot carry its row type through the union.
    const result = await (client.from(table) as unknown as ReturnType<Client['from']>)
      .select('*')
      .in('id', chunk)
    rows.push(...(unwrap(result, `reading ${table}`) as unknown as Row<T>[]))
  }
  return rows
}
