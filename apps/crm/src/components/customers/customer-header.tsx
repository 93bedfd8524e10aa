'use client'

import type { CustomerRow } from '@repo/database/types'
import {
  ConnectionStatus,
  customerRoom,
  overallStatus,
  portalRoom,
  useAllUpdates,
  usePresence,
  useRecordUpdates,
  useWatchPresence,
} from '@repo/realtime'
import { Badge } from '@repo/ui/badge'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { useDebouncedRefresh } from '@/live/use-debounced-refresh.ts'
import { ArchiveCustomerButton } from './archive-customer-button.tsx'
import { PortalAccessCard, type PortalPermissions } from './portal-access-card.tsx'

/**
 * The customer's name and live state: this record and its children re-render on any change
 * (per-record postgres_changes, plus the customer's child rows by customer_id), and staff on the
 * same record see each other ("also viewing").
 * Internal notes are not published to realtime (customers must never receive them); the activity
 * tab follows them through the staff-only change feed instead.
 */
export function CustomerHeader({
  customer,
  portalPermissions,
  canEdit,
}: {
  customer: CustomerRow
  portalPermissions: PortalPermissions
  /** May archive and restore (owner, admin, office). */
  canEdit: boolean
}) {
  const session = useStaffSession()
  const refresh = useDebouncedRefresh()
  const record = useRecordUpdates('customers', customer.id, { onChange: refresh, onResync: refresh })
  // The customer's jobs, invoices, messages and points on one channel (filtered by customer_id).
  const related = useAllUpdates(customer.id, { onChange: refresh, onResync: refresh })
  const status = overallStatus([record.status, related.status])
  // Private rooms (Realtime Authorization): only staff of this customer's organization get in.
  const viewers = usePresence(customerRoom(customer.id), session.userId, { kind: 'staff', name: session.fullName })
  const others = viewers.onlineUsers.filter((u) => u.userId !== session.userId)
  // The customer announces themselves in their own portal room; staff watch it without announcing.
  const portal = useWatchPresence(portalRoom(customer.id))
  const onlineInPortal =
    customer.portal_user_id !== null &&
    portal.onlineUsers.some((u) => u.userId === customer.portal_user_id && u.metadata.kind === 'customer')

  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <p className="text-sm text-slate-600">
          <a href="/customers" className="hover:underline">
            Customers
          </a>{' '}
          /
        </p>
        <h1 className="text-2xl font-bold break-words">
          {customer.first_name} {customer.last_name}
        </h1>
        <p className="text-sm text-slate-700">
          {[customer.email, customer.phone, customer.city].filter(Boolean).join(' · ') || 'No contact details yet'}
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <ConnectionStatus variant="badge" status={status} />
          {customer.archived_at ? (
            <Badge data-testid="archived-badge" tone="neutral">
              Archived
            </Badge>
          ) : null}
          {canEdit ? <ArchiveCustomerButton customer={customer} /> : null}
          {others.length > 0 ? (
            <Badge data-testid="also-viewing" tone="warning" className="whitespace-normal">
              Also viewing: {others.map((u) => String(u.metadata.name ?? 'Staff')).join(', ')}
            </Badge>
          ) : null}
        </div>
      </div>
      <PortalAccessCard customer={customer} permissions={portalPermissions} online={onlineInPortal} />
    </div>
  )
}
