import type { CustomerCreditRow, InvoiceRow, JobRow, MessageRow } from '@repo/database/types'
import { describe, expect, it } from 'vitest'
import { defaultPreferences } from '../notifications/notification-preferences.ts'
import { customerNotice, describeChange } from './describe-change.ts'
import { changeFeedTables, customerTables, publishedTables } from './registry.ts'

describe('the realtime table registry', () => {
  it('binds the customer-facing tables on the portal’s channel, in order', () => {
    expect(customerTables).toEqual([
      'jobs',
      'invoices',
      'messages',
      'loyalty_transactions',
      'quotes',
      'payments',
      'customer_credits',
      'properties',
      'attachments',
    ])
  })

  it('says what is published and what the change feed reports', () => {
    expect([...publishedTables].sort()).toEqual([
      'attachments',
      'customer_credits',
      'customers',
      'invoices',
      'jobs',
      'loyalty_transactions',
      'messages',
      'payments',
      'properties',
      'quotes',
      'realtime_table_events',
      'staff_notifications',
    ])
    expect(changeFeedTables).toContain('quote_line_items')
    expect(publishedTables).not.toContain('quote_line_items')
    expect(changeFeedTables).toContain('customer_notes')
    expect(publishedTables).not.toContain('customer_notes')
    expect(changeFeedTables).not.toContain('realtime_table_events')
  })
})

describe('customer notices', () => {
  const job = {
    id: 'j',
    title: 'Rugs',
    status: 'scheduled',
    scheduled_start: '2026-01-15T09:00:00Z',
  } as JobRow
  const context = { timeZone: 'America/Chicago', preferences: defaultPreferences }

  it('describes a change with the table’s own wording', () => {
    const confirmed = { ...job, status: 'confirmed' as const }
    expect(describeChange('jobs', 'UPDATE', confirmed, job)?.description).toBe('Rugs is confirmed')
    const invoice = { number: 'INV-1', status: 'sent', total_cents: 4200 } as InvoiceRow
    expect(describeChange('invoices', 'INSERT', invoice)?.description).toBe(
      'Invoice INV-1 for $42.00',
    )
  })

  it('keeps quiet about the customer’s own messages and about kinds they turned off', () => {
    const message = { id: 'm', body: 'Hi', sender_type: 'customer', deleted_at: null } as MessageRow
    expect(customerNotice('messages', 'INSERT', message, null, context)).toBeNull()
    const fromStaff = { ...message, sender_type: 'staff' as const }
    expect(customerNotice('messages', 'INSERT', fromStaff, null, context)?.title).toBe(
      'New message',
    )
    const quiet = { ...context, preferences: { ...defaultPreferences, message_updates: false } }
    expect(customerNotice('messages', 'INSERT', fromStaff, null, quiet)).toBeNull()
  })

  it('says nothing about customer tables without a notification kind (credits)', () => {
    const credit = { id: 'c', amount_cents: 1000, invoice_id: null } as CustomerCreditRow
    expect(customerNotice('customer_credits', 'INSERT', credit, null, context)).toBeNull()
  })
})
