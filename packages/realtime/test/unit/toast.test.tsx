import type {
  InvoiceRow,
  JobRow,
  LoyaltyTransactionRow,
  MessageRow,
  PaymentRow,
} from '@repo/database/types'
import { act, cleanup, render, screen } from '@testing-library/react'
import { Toaster } from '@repo/ui/toast'
import { afterEach, describe, expect, it } from 'vitest'
import { describeChange, notifyChange } from '../../src/toast/index.ts'

afterEach(cleanup)

const job: JobRow = {
  id: '00000000-0000-4000-8000-000000000001',
  organization_id: '00000000-0000-4000-8000-000000000002',
  customer_id: '00000000-0000-4000-8000-000000000003',
  service_id: null,
  technician_id: null,
  title: 'Living room carpets',
  status: 'scheduled',
  scheduled_start: '2026-12-01T15:00:00Z',
  scheduled_end: '2026-12-01T17:00:00Z',
  address: null,
  price_cents: 12000,
  notes: null,
  confirmed_at: null,
  completed_at: null,
  cancelled_at: null,
  cancellation_reason: null,
  reschedule_requested_at: null,
  reschedule_note: null,
  reschedule_preferred_times: null,
  property_id: null,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
}

const invoice = {
  id: '00000000-0000-4000-8000-000000000004',
  organization_id: job.organization_id,
  customer_id: job.customer_id,
  job_id: null,
  number: 'INV-1001',
  status: 'sent',
  issued_at: '2026-11-01T00:00:00Z',
  due_at: '2026-11-15T00:00:00Z',
  paid_at: null,
  subtotal_cents: 10000,
  tax_cents: 800,
  total_cents: 10800,
  notes: null,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
} as InvoiceRow

describe('describeChange', () => {
  it('announces a job status change and ignores an update that changed nothing visible', () => {
    const enRoute = { ...job, status: 'en_route' as const }
    expect(describeChange('jobs', 'UPDATE', enRoute, job)).toMatchObject({
      type: 'job',
      title: 'Appointment status changed',
      description: 'Living room carpets is on the way: your technician is en route',
    })
    expect(
      describeChange('jobs', 'UPDATE', { ...job, updated_at: '2026-11-02T00:00:00Z' }, job),
    ).toBeNull()
  })

  it('announces a reschedule and a cancellation (as a warning)', () => {
    const moved = { ...job, scheduled_start: '2026-12-02T15:00:00Z' }
    expect(describeChange('jobs', 'UPDATE', moved, job)?.title).toBe('Appointment rescheduled')
    expect(describeChange('jobs', 'UPDATE', { ...job, status: 'cancelled' }, job)?.tone).toBe(
      'warning',
    )
  })

  it('uses the new status alone when the server sent only the key as old', () => {
    expect(
      describeChange('jobs', 'UPDATE', { ...job, status: 'completed' }, { id: job.id })?.tone,
    ).toBe('success')
    expect(describeChange('jobs', 'UPDATE', job, { id: job.id })).toBeNull()
  })

  it('announces new invoices and payments, not drafts', () => {
    expect(describeChange('invoices', 'INSERT', invoice, null)).toMatchObject({
      title: 'New invoice',
    })
    expect(describeChange('invoices', 'INSERT', { ...invoice, status: 'draft' }, null)).toBeNull()
    expect(
      describeChange(
        'invoices',
        'UPDATE',
        { ...invoice, status: 'sent' },
        { ...invoice, status: 'draft' },
      )?.title,
    ).toBe('New invoice')
    // Money received is told once, by the payment row, not again by the invoice turning paid.
    expect(describeChange('invoices', 'UPDATE', { ...invoice, status: 'paid' }, invoice)).toBeNull()
    const pending = {
      id: invoice.id,
      status: 'pending',
      amount_cents: 4_200,
      tip_cents: 0,
      invoice_id: invoice.id,
      quote_id: null,
    } as PaymentRow
    expect(
      describeChange('payments', 'UPDATE', { ...pending, status: 'succeeded' }, pending),
    ).toMatchObject({
      title: 'Payment received',
      tone: 'success',
    })
    expect(describeChange('invoices', 'UPDATE', { ...invoice, notes: 'x' }, invoice)).toBeNull()
  })

  it('announces new messages, not read receipts', () => {
    const message = {
      id: job.id,
      organization_id: job.organization_id,
      customer_id: job.customer_id,
      sender_type: 'staff',
      sender_user_id: null,
      body: 'Your technician is 10 minutes away',
      read_at: null,
      deleted_at: null,
      created_at: job.created_at,
      updated_at: job.updated_at,
    } as MessageRow
    expect(describeChange('messages', 'INSERT', message, null)).toMatchObject({
      title: 'New message',
      description: message.body,
    })
    expect(
      describeChange('messages', 'UPDATE', { ...message, read_at: job.updated_at }, message),
    ).toBeNull()
  })

  it('announces points earned and redeemed', () => {
    const earned = {
      id: job.id,
      points: 120,
      kind: 'earned',
      description: 'Job completed',
    } as LoyaltyTransactionRow
    expect(describeChange('loyalty_transactions', 'INSERT', earned, null)?.title).toBe(
      'You earned 120 points',
    )
    const redeemed = { ...earned, points: -500, kind: 'redeemed' } as LoyaltyTransactionRow
    expect(describeChange('loyalty_transactions', 'INSERT', redeemed, null)?.title).toBe(
      'You redeemed 500 points',
    )
  })
})

describe('notifyChange', () => {
  it('shows the notice as a sonner toast and nothing for noise', async () => {
    render(<Toaster />)
    expect(notifyChange(null)).toBeNull()
    await act(async () => {
      notifyChange(describeChange('invoices', 'UPDATE', { ...invoice, status: 'overdue' }, invoice))
    })
    // sonner loads on first use (@repo/ui/toast): a loaded machine may take a while to import it.
    expect(await screen.findByText('Invoice overdue', {}, { timeout: 10_000 })).toBeTruthy()
    expect(screen.getByText('Invoice INV-1001 is past due')).toBeTruthy()
  })
})
