// How the audit trail reads: which fields each audited table records (the same list the
// database trigger is given in the audit_trail migration), their labels, and each entry as a sentence
// with its old → new values in the organization's time zone.
import type { AuditEventRow } from '@repo/database/types'
import { type CustomerContactField, customerContactFields, customerFieldLabel } from '../customers/contact-fields.ts'
import { formatDateTime, type TimeZone } from '../dates/index.ts'
import { jobStatusLabel } from '../jobs/job-status.ts'
import { loyaltyKindLabel } from '../loyalty/loyalty-kind.ts'
import { formatPoints } from '../loyalty/points.ts'
import { formatCents } from '../money/format-cents.ts'

export type { AuditEventRow }
export type AuditAction = AuditEventRow['action']
export type AuditActor = AuditEventRow['actor']

type ValueKind = 'text' | 'list' | 'yesNo' | 'time' | 'money' | 'points' | 'jobStatus' | 'invoiceStatus' | 'loyaltyKind'
interface FieldSpec {
  label: string
  kind: ValueKind
}

/** The audited tables, their noun, and the fields recorded for each (in display order). */
export const auditedTables = {
  customers: {
    noun: 'customer',
    // The contact fields, all plain text (the same list the trigger is given).
    fields: {
      ...(/*#__PURE__*/ Object.fromEntries(
        customerContactFields.map((field) => [field, { label: customerFieldLabel[field], kind: 'text' as const }]),
      ) as Record<CustomerContactField, FieldSpec>),
      tags: { label: 'Tags', kind: 'list' },
      source: { label: 'Source', kind: 'text' },
      archived_at: { label: 'Archived', kind: 'time' },
    },
  },
  jobs: {
    noun: 'job',
    fields: {
      title: { label: 'Title', kind: 'text' },
      status: { label: 'Status', kind: 'jobStatus' },
      scheduled_start: { label: 'Start', kind: 'time' },
      scheduled_end: { label: 'End', kind: 'time' },
      technician_id: { label: 'Technician', kind: 'text' },
      address: { label: 'Address', kind: 'text' },
      price_cents: { label: 'Price', kind: 'money' },
      cancellation_reason: { label: 'Cancellation reason', kind: 'text' },
      reschedule_requested_at: { label: 'Reschedule requested', kind: 'time' },
      reschedule_note: { label: 'Reschedule note', kind: 'text' },
    },
  },
  invoices: {
    noun: 'invoice',
    fields: {
      number: { label: 'Number', kind: 'text' },
      status: { label: 'Status', kind: 'invoiceStatus' },
      issued_at: { label: 'Issued', kind: 'time' },
      due_at: { label: 'Due', kind: 'time' },
      total_cents: { label: 'Total', kind: 'money' },
    },
  },
  properties: {
    noun: 'property',
    fields: {
      label: { label: 'Name', kind: 'text' },
      address_line1: { label: 'Address', kind: 'text' },
      address_line2: { label: 'Address line 2', kind: 'text' },
      city: { label: 'City', kind: 'text' },
      region: { label: 'State/region', kind: 'text' },
      postal_code: { label: 'Postal code', kind: 'text' },
      access_notes: { label: 'Access notes', kind: 'text' },
      is_primary: { label: 'Main address', kind: 'yesNo' },
      confirmed_at: { label: 'Confirmed', kind: 'time' },
      archived_at: { label: 'Archived', kind: 'time' },
    },
  },
  loyalty_transactions: {
    noun: 'loyalty entry',
    fields: {
      kind: { label: 'Kind', kind: 'loyaltyKind' },
      points: { label: 'Points', kind: 'points' },
      description: { label: 'Description', kind: 'text' },
    },
  },
} as const satisfies Record<string, { noun: string; fields: Record<string, FieldSpec> }>

export type AuditedTable = keyof typeof auditedTables

const NONE = 'none'

function isAuditedTable(table: string): table is AuditedTable {
  return Object.hasOwn(auditedTables, table)
}

/** One recorded value as people read it; `none` for an empty one. */
export function formatAuditValue(kind: ValueKind, value: unknown, timeZone: TimeZone, currency = 'USD'): string {
  if (value === null || value === undefined || value === '') return NONE
  switch (kind) {
    case 'time':
      return formatDateTime(String(value), timeZone)
    case 'list':
      return Array.isArray(value) ? (value.length ? value.join(', ') : NONE) : String(value)
    case 'yesNo':
      return value ? 'yes' : 'no'
    case 'money':
      return typeof value === 'number' ? formatCents(value, currency) : String(value)
    case 'points':
      return typeof value === 'number' ? formatPoints(value) : String(value)
    case 'jobStatus':
      return jobStatusLabel[value as keyof typeof jobStatusLabel] ?? String(value)
    case 'invoiceStatus':
      return String(value)
    case 'loyaltyKind':
      return loyaltyKindLabel[value as keyof typeof loyaltyKindLabel] ?? String(value)
    default:
      return String(value)
  }
}

export interface AuditChange {
  field: string
  label: string
  /** Absent when the record was created. */
  from?: string
  to: string
}

export interface AuditEntry {
  id: number
  at: string
  /** "Alex Rivera", "Alice Johnson (customer)", "System". */
  who: string
  actor: AuditActor
  /** "updated job Deep clean". */
  what: string
  changes: AuditChange[]
}

function actorText(event: Pick<AuditEventRow, 'actor' | 'actor_name'>): string {
  if (event.actor === 'system') return 'System'
  return event.actor === 'customer' ? `${event.actor_name} (customer)` : event.actor_name
}

/** An audit row as a sentence plus its changed fields, in the table's field order. */
export function describeAuditEvent(event: AuditEventRow, timeZone: TimeZone, currency = 'USD'): AuditEntry {
  const table = isAuditedTable(event.table_name) ? auditedTables[event.table_name] : null
  const recorded =
    event.changes && typeof event.changes === 'object' && !Array.isArray(event.changes)
      ? (event.changes as Record<string, { old?: unknown; new?: unknown } | undefined>)
      : {}
  const fields: [string, FieldSpec][] = table ? Object.entries(table.fields) : []
  const changes: AuditChange[] = []
  for (const [field, spec] of fields) {
    const change = recorded[field]
    if (!change) continue
    changes.push({
      field,
      label: spec.label,
      ...(event.action === 'updated' ? { from: formatAuditValue(spec.kind, change.old, timeZone, currency) } : {}),
      to: formatAuditValue(spec.kind, change.new, timeZone, currency),
    })
  }
  const noun = table?.noun ?? event.table_name
  const what =
    event.table_name === 'loyalty_transactions'
      ? `recorded ${changes.find((c) => c.field === 'points')?.to ?? event.record_label} (${changes.find((c) => c.field === 'kind')?.to ?? 'loyalty'})`
      : `${event.action} ${noun} ${event.record_label}`
  return { id: event.id, at: event.created_at, who: actorText(event), actor: event.actor, what, changes }
}
