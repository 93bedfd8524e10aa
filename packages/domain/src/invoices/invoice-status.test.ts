import { describe, expect, it } from 'vitest'
import { formatCents } from '../money/format-cents.ts'
import { canApplyInvoiceAction, canRecordPayment, invoiceActionTarget } from './invoice-actions.ts'
import {
  amountDue,
  invoiceStatusesByUrgency,
  isInvoiceOpen as isOpen,
  isOverdue,
  shownInvoiceStatus,
} from './invoice-status.ts'

describe('invoice totals', () => {
  it('sums only sent and overdue invoices', () => {
    expect(
      amountDue([
        { status: 'sent', balance_cents: 10_000 },
        { status: 'overdue', balance_cents: 2_550 },
        { status: 'paid', balance_cents: 99_999 },
        { status: 'void', balance_cents: 1 },
        { status: 'draft', balance_cents: 5 },
      ]),
    ).toBe(12_550)
    expect(isOpen('paid')).toBe(false)
  })
})

describe('lifecycles', () => {
  it('applies invoice actions only from valid states', () => {
    expect(canApplyInvoiceAction('draft', 'send')).toBe(true)
    expect(canApplyInvoiceAction('paid', 'void')).toBe(false)
    expect(canApplyInvoiceAction('overdue', 'void')).toBe(true)
    expect(canApplyInvoiceAction('overdue', 'void', 500)).toBe(false)
    expect(canRecordPayment({ status: 'overdue', balance_cents: 1 })).toBe(true)
    expect(canRecordPayment({ status: 'sent', balance_cents: 0 })).toBe(false)
    expect(canRecordPayment({ status: 'draft', balance_cents: 100 })).toBe(false)
    expect(invoiceActionTarget('void')).toBe('void')
    expect(formatCents(123456)).toBe('$1,234.56')
  })
})

describe('overdue', () => {
  const now = Date.parse('2026-05-01T12:00:00Z')
  it('counts sent invoices past their due date before the nightly sweep flags them', () => {
    expect(isOverdue({ status: 'overdue', due_at: null }, now)).toBe(true)
    expect(isOverdue({ status: 'sent', due_at: '2026-04-30T00:00:00Z' }, now)).toBe(true)
    expect(isOverdue({ status: 'sent', due_at: '2026-05-02T00:00:00Z' }, now)).toBe(false)
    expect(isOverdue({ status: 'paid', due_at: '2026-04-30T00:00:00Z' }, now)).toBe(false)
  })

  it('shows a sent invoice past its due date as overdue before the job flags it, and nothing else changes', () => {
    const now = Date.parse('2026-05-01T00:00:00Z')
    expect(shownInvoiceStatus({ status: 'sent', due_at: '2026-04-30T23:59:00Z' }, now)).toBe('overdue')
    expect(shownInvoiceStatus({ status: 'sent', due_at: '2026-05-01T00:01:00Z' }, now)).toBe('sent')
    expect(shownInvoiceStatus({ status: 'sent', due_at: null }, now)).toBe('sent')
    expect(shownInvoiceStatus({ status: 'paid', due_at: '2026-04-30T00:00:00Z' }, now)).toBe('paid')
    expect(shownInvoiceStatus({ status: 'draft', due_at: '2026-04-30T00:00:00Z' }, now)).toBe('draft')
  })

  it('lists work in progress before settled invoices', () => {
    expect(invoiceStatusesByUrgency).toEqual(['draft', 'sent', 'overdue', 'paid', 'void'])
  })
})
