import { listDeliveries } from '@repo/database/repositories'
import { formatDateTime } from '@repo/domain/dates'
import {
  canRetryDelivery,
  deliveryStatuses,
  deliveryStatusLabel,
  deliveryStatusTone,
  isDeliveryStatus,
} from '@repo/domain/notifications'
import { can } from '@repo/domain/staff'
import { isTemplateEvent, templateEventLabel } from '@repo/notifications/template-variables'
import { Badge } from '@repo/ui/badge'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@repo/ui/table'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { RetryDeliveryButton } from '@/components/deliveries/retry-delivery-button.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Delivery log' }

const eventLabel = (event: string) =>
  isTemplateEvent(event)
    ? templateEventLabel(event)
    : event === 'staff_digest'
      ? 'Staff digest'
      : event.replaceAll('_', ' ')

/** The last deliveries of e-mails and texts (owners and admins), with a retry for failed ones. */
export default async function DeliveryLogPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string }>
}) {
  const { supabase, organization, staff } = await requireStaff()
  if (!can(staff.role, 'settings.manage')) redirect('/settings')
  const { status: wanted } = await searchParams
  const status = isDeliveryStatus(wanted) ? wanted : undefined
  const rows = await listDeliveries(supabase, organization.id, { status, limit: 100 })
  const zone = organization.timezone
  const filters = [
    { key: undefined, label: 'All' },
    ...deliveryStatuses.map((s) => ({ key: s, label: deliveryStatusLabel[s] })),
  ]

  return (
    <div className="space-y-4">
      <div>
        <Link
          href="/settings/notifications"
          className="text-sm text-sky-800 underline underline-offset-4"
        >
          Notification settings
        </Link>
        <h1 className="text-2xl font-bold">Delivery log</h1>
        <p className="text-sm text-slate-700">
          The last 100 e-mails and texts, latest activity first, in {zone} time.
        </p>
      </div>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
        {filters.map((f) => (
          <Link
            key={f.label}
            href={
              f.key
                ? `/settings/notifications/deliveries?status=${f.key}`
                : '/settings/notifications/deliveries'
            }
            aria-current={f.key === status ? 'page' : undefined}
            className="rounded-full border border-slate-300 px-3 py-1.5 text-sm aria-[current=page]:border-sky-700 aria-[current=page]:bg-sky-50 aria-[current=page]:text-sky-900"
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-700">
          Nothing {status ? `with the status “${deliveryStatusLabel[status]}”` : 'sent yet'}.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Message</TableHead>
                <TableHead>Channel</TableHead>
                <TableHead>To</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Attempts</TableHead>
                <TableHead>Sent</TableHead>
                <TableHead>Last error</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-delivery-id={row.id}>
                  <TableCell>{eventLabel(row.event)}</TableCell>
                  <TableCell>{row.channel === 'sms' ? 'Text' : 'E-mail'}</TableCell>
                  <TableCell className="max-w-48 truncate" title={row.recipient}>
                    {row.recipient}
                  </TableCell>
                  <TableCell>
                    <Badge tone={deliveryStatusTone[row.status]}>
                      {deliveryStatusLabel[row.status]}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    {row.attempts} of {row.max_attempts}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {row.sent_at ? formatDateTime(row.sent_at, zone) : '—'}
                  </TableCell>
                  <TableCell
                    className="max-w-64 truncate text-slate-700"
                    title={row.last_error ?? undefined}
                  >
                    {row.last_error ?? '—'}
                  </TableCell>
                  <TableCell>
                    {canRetryDelivery(row.status) ? (
                      <RetryDeliveryButton deliveryId={row.id} />
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  )
}
