import type { ChangeFeedRow, Client } from '../types.ts'
import { unwrap, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

export interface ListChangesOptions {
  /** Only events with an id greater than this (what a reconnecting view missed). */
  afterId?: number
  tableName?: string
  recordId?: string
  limit?: number
}

/** The organization's change feed, oldest first: what changed, not the rows themselves. */
export async function listChanges(
  client: Client,
  organizationId: string,
  options: ListChangesOptions = {},
): Promise<ChangeFeedRow[]> {
  const id = assertUuid(organizationId, 'organizationId')
  const limit = options.limit ?? 100
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new ValidationError('limit', 'must be 1 to 1000')
  let query = client.from('realtime_table_events').select('*').eq('organization_id', id)
  if (options.afterId !== undefined) {
    if (!Number.isInteger(options.afterId) || options.afterId < 0)
      throw new ValidationError('afterId', 'must be 0 or more')
    query = query.gt('id', options.afterId)
  }
  if (options.tableName) query = query.eq('table_name', options.tableName)
  if (options.recordId) query = query.eq('record_id', assertUuid(options.recordId, 'recordId'))
  return unwrap(await query.order('id', { ascending: true }).limit(limit), 'listing changes')
}
