import type { NotificationType } from '../components/realtime-notification.tsx'
import type {
  ChangeEvent,
  InvoiceRow,
  JobRow,
  LoyaltyTransactionRow,
  MessageRow,
} from '../core/types.ts'

/** A change worth telling the user about. */
export interface ChangeNotice {
  type: NotificationType
  title: string
  description?: string
  /** success for good news (paid, points earned), warning for cancellations. */
  tone: 'success' | 'info' | 'warning'
}

type Rows = {
  jobs: JobRow
  invoices: InvoiceRow
  messages: MessageRow
  loyalty_transactions: LoyaltyTransactionRow
}
export type NotifiableTable = keyof Rows

const JOB_STATUS_TEXT: Record<JobRow['status'], string> = {
  requested: 'was requested',
  scheduled: 'is scheduled',
  confirmed: 'is confirmed',
  en_route: 'is on the way: your technician is en route',
  in_progress: 'is in progress',
  completed: 'is complete',
  cancelled: 'was cancelled',
}

/** Statuses worth a notice even when the previous status is unknown. */
const NOTABLE_JOB_STATUSES = new Set<JobRow['status']>([
  'confirmed',
  'en_route',
  'in_progress',
  'completed',
  'cancelled',
])

function has<T extends object>(
  old: Partial<T> | null | undefined,
  key: keyof T,
): old is Partial<T> {
  return old != null && key in old
}

function when(iso: string | null): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString([], {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      })
}

function money(cents: number): string {
  return (cents / 100).toLocaleString([], { style: 'currency', currency: 'USD' })
}

function describeJob(
  event: ChangeEvent,
  row: JobRow | null,
  old: Partial<JobRow> | null,
): ChangeNotice | null {
  if (event === 'INSERT' && row) {
    return {
      type: 'job',
      tone: 'info',
      title: 'New appointment',
      description: [row.title, when(row.scheduled_start)].filter(Boolean).join(' · '),
    }
  }
  if (event !== 'UPDATE' || !row) return null
  const statusKnown = has(old, 'status')
  if (
    (statusKnown && old.status !== row.status) ||
    (!statusKnown && NOTABLE_JOB_STATUSES.has(row.status))
  ) {
    return {
      type: 'job',
      tone:
        row.status === 'cancelled' ? 'warning' : row.status === 'completed' ? 'success' : 'info',
      title: 'Appointment status changed',
      description: `${row.title} ${JOB_STATUS_TEXT[row.status]}`,
    }
  }
  if (has(old, 'scheduled_start') && old.scheduled_start !== row.scheduled_start) {
    return {
      type: 'job',
      tone: 'info',
      title: 'Appointment rescheduled',
      description: `${row.title}: now ${when(row.scheduled_start)}`,
    }
  }
  return null
}

function describeInvoice(
  event: ChangeEvent,
  row: InvoiceRow | null,
  old: Partial<InvoiceRow> | null,
): ChangeNotice | null {
  if (!row || row.status === 'draft') return null
  const statusKnown = has(old, 'status')
  const becameVisible =
    event === 'INSERT' || (statusKnown && old.status === 'draft' && row.status === 'sent')
  if (becameVisible && row.status !== 'paid') {
    return {
      type: 'invoice',
      tone: 'info',
      title: 'New invoice',
      description: `Invoice ${row.number} for ${money(row.total_cents)}`,
    }
  }
  const changed = event === 'UPDATE' && (statusKnown ? old.status !== row.status : true)
  if (row.status === 'paid' && (changed || event === 'INSERT')) {
    return {
      type: 'invoice',
      tone: 'success',
      title: 'Payment received',
      description: `Invoice ${row.number} is paid. Thank you!`,
    }
  }
  if (row.status === 'overdue' && changed) {
    return {
      type: 'invoice',
      tone: 'warning',
      title: 'Invoice overdue',
      description: `Invoice ${row.number} is past due`,
    }
  }
  return null
}

function describeMessage(event: ChangeEvent, row: MessageRow | null): ChangeNotice | null {
  if (event !== 'INSERT' || !row || row.deleted_at) return null
  const preview = row.body.length > 80 ? `${row.body.slice(0, 77)}…` : row.body
  return { type: 'message', tone: 'info', title: 'New message', description: preview }
}

function describeLoyalty(
  event: ChangeEvent,
  row: LoyaltyTransactionRow | null,
): ChangeNotice | null {
  if (event !== 'INSERT' || !row || row.points === 0) return null
  if (row.points > 0) {
    return {
      type: 'loyalty',
      tone: 'success',
      title: `You earned ${row.points} points`,
      description: row.description ?? undefined,
    }
  }
  return {
    type: 'loyalty',
    tone: 'info',
    title: `You redeemed ${-row.points} points`,
    description: row.description ?? undefined,
  }
}

/**
 * Turns a change into a friendly notice, or null for noise (an update that changed nothing the
 * user cares about, a draft invoice, a read receipt). Pass `old` from the realtime payload or, if
 * the server only sent the key, the row as the view last showed it.
 * @example
 * const notice = describeChange('jobs', 'UPDATE', job, old) // { title: 'Appointment status changed', … }
 */
export function describeChange<T extends NotifiableTable>(
  table: T,
  eventType: ChangeEvent,
  row: Rows[T] | null,
  old: Partial<Rows[T]> | null = null,
): ChangeNotice | null {
  switch (table) {
    case 'jobs':
      return describeJob(eventType, row as JobRow | null, old as Partial<JobRow> | null)
    case 'invoices':
      return describeInvoice(eventType, row as InvoiceRow | null, old as Partial<InvoiceRow> | null)
    case 'messages':
      return describeMessage(eventType, row as MessageRow | null)
    case 'loyalty_transactions':
      return describeLoyalty(eventType, row as LoyaltyTransactionRow | null)
    default:
      return null
  }
}
