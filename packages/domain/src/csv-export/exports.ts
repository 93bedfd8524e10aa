// The columns of the CRM's CSV exports (customers, jobs, invoices): one definition each, read by
// the export route handlers. Dates are the organization's wall time ("2026-03-01 17:30", the zone
// named in the header), money is a decimal amount from integer cents.
import type { CustomerRow, InvoiceRow, JobRow } from '@repo/database/types'
import { type TimeZone, toZonedInputValue } from '../dates/index.ts'
import { shownInvoiceStatus } from '../invoices/invoice-status.ts'
import { jobStatusLabel } from '../jobs/job-status.ts'
import { type CsvColumn, centsToDecimal, toCsv } from './csv.ts'

/** An instant as "YYYY-MM-DD HH:MM" in the zone (empty when missing). */
export function csvDateTime(value: string | null, timeZone: TimeZone): string {
  return toZonedInputValue(value, timeZone).replace('T', ' ')
}

const name = (c: { first_name: string; last_name: string } | undefined) =>
  c ? `${c.first_name} ${c.last_name}`.trim() : ''

export function customersCsv(rows: readonly CustomerRow[], timeZone: TimeZone): string {
  const columns: CsvColumn<CustomerRow>[] = [
    { header: 'First name', value: (c) => c.first_name },
    { header: 'Last name', value: (c) => c.last_name },
    { header: 'Email', value: (c) => c.email },
    { header: 'Phone', value: (c) => c.phone },
    { header: 'Address line 1', value: (c) => c.address_line1 },
    { header: 'Address line 2', value: (c) => c.address_line2 },
    { header: 'City', value: (c) => c.city },
    { header: 'State/region', value: (c) => c.region },
    { header: 'ZIP/postal code', value: (c) => c.postal_code },
    { header: 'Portal login', value: (c) => (c.portal_user_id ? 'yes' : 'no') },
    { header: `Created (${timeZone})`, value: (c) => csvDateTime(c.created_at, timeZone) },
    { header: 'Customer ID', value: (c) => c.id },
  ]
  return toCsv(columns, rows)
}

export interface CsvNames {
  customers: ReadonlyMap<string, { first_name: string; last_name: string }>
  staff?: ReadonlyMap<string, string>
}

export function jobsCsv(rows: readonly JobRow[], names: CsvNames, timeZone: TimeZone): string {
  const columns: CsvColumn<JobRow>[] = [
    { header: 'Title', value: (j) => j.title },
    { header: 'Customer', value: (j) => name(names.customers.get(j.customer_id)) },
    { header: 'Status', value: (j) => jobStatusLabel[j.status] },
    { header: `Start (${timeZone})`, value: (j) => csvDateTime(j.scheduled_start, timeZone) },
    { header: `End (${timeZone})`, value: (j) => csvDateTime(j.scheduled_end, timeZone) },
    {
      header: 'Technician',
      value: (j) => (j.technician_id ? (names.staff?.get(j.technician_id) ?? '') : ''),
    },
    { header: 'Address', value: (j) => j.address },
    { header: 'Price', value: (j) => centsToDecimal(j.price_cents) },
    { header: 'Job ID', value: (j) => j.id },
    { header: 'Customer ID', value: (j) => j.customer_id },
  ]
  return toCsv(columns, rows)
}

export function invoicesCsv(
  rows: readonly InvoiceRow[],
  names: CsvNames,
  timeZone: TimeZone,
  now = Date.now(),
): string {
  const columns: CsvColumn<InvoiceRow>[] = [
    { header: 'Number', value: (i) => i.number },
    { header: 'Customer', value: (i) => name(names.customers.get(i.customer_id)) },
    // The status every screen shows: a sent invoice past due is overdue.
    { header: 'Status', value: (i) => shownInvoiceStatus(i, now) },
    { header: `Issued (${timeZone})`, value: (i) => csvDateTime(i.issued_at, timeZone) },
    { header: `Due (${timeZone})`, value: (i) => csvDateTime(i.due_at, timeZone) },
    { header: `Paid (${timeZone})`, value: (i) => csvDateTime(i.paid_at, timeZone) },
    { header: 'Subtotal', value: (i) => centsToDecimal(i.subtotal_cents) },
    { header: 'Tax', value: (i) => centsToDecimal(i.tax_cents) },
    { header: 'Total', value: (i) => centsToDecimal(i.total_cents) },
    { header: 'Invoice ID', value: (i) => i.id },
    { header: 'Customer ID', value: (i) => i.customer_id },
  ]
  return toCsv(columns, rows)
}
