import type { AuditEventRow, Client } from '../types.ts'
import { unwrap } from './errors.ts'
import { assertUuid, pageRange } from './validate.ts'

export interface AuditTrailQuery {
  /** Everything recorded for one customer: their record, jobs, invoices and loyalty entries. */
  customerId: string
  /** Only one of those records (a job's or invoice's own history). */
  recordId?: string
  limit?: number
  offset?: number
}

/** Who changed what, newest first (RLS: staff of the customer's organization only). */
export async function listAuditTrail(client: Client, q: AuditTrailQuery): Promise<AuditEventRow[]> {
  const { from, to } = pageRange(q.limit ?? 50, q.offset)
  let query = client.from('audit_events').select('*').eq('customer_id', assertUuid(q.customerId, 'customerId'))
  if (q.recordId !== undefined) query = query.eq('record_id', assertUuid(q.recordId, 'recordId'))
  return unwrap(await query.order('id', { ascending: false }).range(from, to), 'listing the audit trail')
}
