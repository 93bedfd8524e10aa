import type { InvoiceRow } from '@repo/database/types'
import { describe, expect, it } from 'vitest'
import { describeInvoiceChange } from './invoice-notices.ts'

const invoice = { id: '00000000-0000-4000-8000-000000000009', number: 'INV-1009', status: 'sent', total_cents: 4_200 } as InvoiceRow

describe('describeInvoiceChange', () => {
  it('announces an invoice once the customer can see it, never a draft', () => {
    expect(describeInvoiceChange('INSERT', { ...invoice, status: 'draft' }, null)).toBeNull()
    expect(describeInvoiceChange('INSERT', invoice, null)?.title).toBe('New invoice')
    expect(describeInvoiceChange('UPDATE', invoice, { id: invoice.id, status: 'draft' })?.description).toBe(
      'Invoice INV-1009 for $42.00',
    )
  })

  it('treats an update whose old row the customer could not read (only its key came) as new', () => {
    expect(describeInvoiceChange('UPDATE', invoice, { id: invoice.id })?.title).toBe('New invoice')
  })

  it('tells of overdue invoices and leaves payments to the payment rows', () => {
    expect(describeInvoiceChange('UPDATE', { ...invoice, status: 'paid' }, invoice)).toBeNull()
    expect(describeInvoiceChange('UPDATE', { ...invoice, status: 'overdue' }, invoice)?.title).toBe('Invoice overdue')
    expect(describeInvoiceChange('UPDATE', invoice, invoice)).toBeNull()
  })
})
