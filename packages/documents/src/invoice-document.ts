// An invoice as a printable document: the one mapping both apps use for their PDFs, with money in
// the business's currency and dates in its time zone (this file formats; the layout only lays out).
import type { CustomerRow, InvoiceLineItemRow, InvoiceRow, OrganizationRow, PaymentRow } from '@repo/database/types'
import { formatDate } from '@repo/domain/dates'
import { invoiceBadge } from '@repo/domain/invoices'
import { formatCents, formatRate } from '@repo/domain/money'
import { paymentMethodLabel } from '@repo/domain/payments'
import type { BusinessDocument, DocumentTotal } from './types.ts'

export interface InvoiceDocumentInput {
  invoice: InvoiceRow & { invoice_line_items: InvoiceLineItemRow[] }
  payments: readonly PaymentRow[]
  organization: Pick<OrganizationRow, 'name' | 'timezone' | 'currency' | 'address' | 'phone' | 'email'>
  customer: Pick<
    CustomerRow,
    'first_name' | 'last_name' | 'email' | 'phone' | 'address_line1' | 'address_line2' | 'city' | 'region' | 'postal_code'
  >
}

const present = (values: ReadonlyArray<string | null | undefined>): string[] =>
  values.filter((v): v is string => typeof v === 'string' && v.trim() !== '')

export function invoiceDocument({ invoice, payments, organization, customer }: InvoiceDocumentInput): BusinessDocument {
  const money = (cents: number) => formatCents(cents, organization.currency)
  const day = (value: string | null) => formatDate(value, organization.timezone)
  const lines = [...invoice.invoice_line_items].sort((a, b) => a.position - b.position)
  const totals: DocumentTotal[] = [
    { label: 'Subtotal', amount: money(invoice.subtotal_cents) },
    { label: 'Tax', amount: money(invoice.tax_cents) },
  ]
  if (invoice.discount_cents > 0) totals.push({ label: 'Credits', amount: `-${money(invoice.discount_cents)}` })
  totals.push({ label: 'Total', amount: money(invoice.total_cents), emphasis: true })
  if (invoice.amount_paid_cents !== 0) totals.push({ label: 'Paid', amount: money(invoice.amount_paid_cents) })
  if (invoice.status !== 'void') {
    totals.push({ label: 'Balance due', amount: money(Math.max(invoice.balance_cents, 0)), emphasis: true })
  }
  const cityLine = present([customer.city, customer.region, customer.postal_code]).join(', ')
  return {
    kind: 'invoice',
    title: `Invoice ${invoice.number}`,
    status: invoiceBadge(invoice, 'customer').label,
    business: { name: organization.name, lines: present([organization.address, organization.phone, organization.email]) },
    billTo: {
      name: `${customer.first_name} ${customer.last_name}`,
      lines: present([customer.address_line1, customer.address_line2, cityLine, customer.email, customer.phone]),
    },
    facts: [
      { label: 'Issued', value: day(invoice.issued_at) },
      { label: 'Due', value: day(invoice.due_at) },
      ...(invoice.paid_at ? [{ label: 'Paid', value: day(invoice.paid_at) }] : []),
    ],
    lines: lines.map((line) => ({
      description: line.description,
      detail: line.credit_id ? 'Reward credit' : null,
      quantity: String(line.quantity),
      unitPrice: money(line.unit_price_cents),
      amount: money(line.amount_cents),
      note: line.taxable ? `Tax ${formatRate(line.tax_rate_bps)}` : null,
    })),
    totals,
    payments: payments
      .filter((p) => p.status === 'succeeded' || p.status === 'refunded')
      .map((p) => ({
        date: day(p.received_at ?? p.created_at),
        method: `${paymentMethodLabel[p.method]}${p.status === 'refunded' ? ' (refunded)' : ''}`,
        amount: money(p.amount_cents),
        note: p.tip_cents > 0 ? `+ ${money(p.tip_cents)} tip` : (p.note ?? null),
      })),
    notes: invoice.notes,
    footer: `Thank you for your business. ${organization.name}`,
  }
}
