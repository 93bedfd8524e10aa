import { describe, expect, it } from 'vitest'
import { type AuditEventRow, describeAuditEvent } from './audit-entry.ts'

const base: AuditEventRow = {
  id: 7,
  organization_id: 'o',
  customer_id: 'c',
  table_name: 'jobs',
  record_id: 'j',
  record_label: 'Deep clean',
  action: 'updated',
  actor: 'staff',
  actor_user_id: 'u',
  actor_name: 'Olivia Owner',
  changes: {},
  created_at: '2026-12-02T15:00:00Z',
}
const tz = 'America/Chicago'

describe('describeAuditEvent', () => {
  it('says who changed which job fields, old → new, in the organization’s zone', () => {
    const entry = describeAuditEvent(
      {
        ...base,
        changes: {
          scheduled_start: { old: '2026-12-04T15:00:00Z', new: '2026-12-05T16:30:00Z' },
          status: { old: 'scheduled', new: 'en_route' },
          technician_id: { old: null, new: 'Terry Tech' },
          notes: { old: 'ignored', new: 'not audited' },
        },
      },
      tz,
    )
    expect(entry.who).toBe('Olivia Owner')
    expect(entry.what).toBe('updated job Deep clean')
    // Table order, not the order of the JSON keys; unknown fields are not shown.
    expect(entry.changes).toEqual([
      { field: 'status', label: 'Status', from: 'Scheduled', to: 'En route' },
      { field: 'scheduled_start', label: 'Start', from: 'Fri, Dec 4, 9:00 AM', to: 'Sat, Dec 5, 10:30 AM' },
      { field: 'technician_id', label: 'Technician', from: 'none', to: 'Terry Tech' },
    ])
  })

  it('names customers and the system, formats money and points, and shows created values without a "from"', () => {
    const customer = describeAuditEvent(
      { ...base, table_name: 'invoices', record_label: 'INV-1001', action: 'created', actor: 'customer', actor_name: 'Alice Johnson', changes: { total_cents: { new: 12_550 }, status: { new: 'draft' } } },
      tz,
    )
    expect(customer.who).toBe('Alice Johnson (customer)')
    expect(customer.what).toBe('created invoice INV-1001')
    expect(customer.changes).toEqual([
      { field: 'status', label: 'Status', to: 'draft' },
      { field: 'total_cents', label: 'Total', to: '$125.50' },
    ])
    const points = describeAuditEvent(
      { ...base, table_name: 'loyalty_transactions', record_label: '-200 points', action: 'created', actor: 'system', actor_name: 'System', changes: { kind: { new: 'redeemed' }, points: { new: -200 } } },
      tz,
    )
    expect(points.who).toBe('System')
    expect(points.what).toBe('recorded −200 points (Redeemed)')
  })
})
