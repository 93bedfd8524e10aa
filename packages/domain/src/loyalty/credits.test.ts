import { describe, expect, it } from 'vitest'
import { creditAmount, creditPlacement } from './credits.ts'

describe('credits', () => {
  it('say where they went: a sent invoice, one being prepared (a draft the customer cannot read), or not yet', () => {
    const invoices = { id: 'i', number: 'INV-1004' }
    expect(creditPlacement({ invoice_id: 'i', invoices })).toEqual({ kind: 'invoice', invoiceId: 'i', invoiceNumber: 'INV-1004' })
    expect(creditPlacement({ invoice_id: 'i', invoices: null })).toEqual({ kind: 'preparing' })
    expect(creditPlacement({ invoice_id: null, invoices: null })).toEqual({ kind: 'waiting' })
    expect(creditAmount(1000, 'USD')).toBe('$10.00 off')
  })
})
