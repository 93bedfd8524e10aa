import { describe, expect, it } from 'vitest'
import { staffNotificationHref, unreadBadgeText } from './staff-notifications.ts'

describe('staff notifications', () => {
  it('lead to the page of what they are about', () => {
    const customer_id = 'c1'
    const record_id = 'r1'
    expect(staffNotificationHref({ record_table: 'messages', customer_id, record_id })).toBe('/messages/c1')
    expect(staffNotificationHref({ record_table: 'jobs', customer_id, record_id })).toBe('/customers/c1?tab=jobs')
    expect(staffNotificationHref({ record_table: 'loyalty_transactions', customer_id, record_id })).toBe('/customers/c1?tab=loyalty')
    expect(staffNotificationHref({ record_table: 'customers', customer_id, record_id })).toBe('/customers/c1')
    expect(staffNotificationHref({ record_table: 'quotes', customer_id, record_id })).toBe('/quotes/r1')
    expect(staffNotificationHref({ record_table: 'invoices', customer_id, record_id })).toBe('/invoices/r1')
    expect(staffNotificationHref({ record_table: 'reviews', customer_id, record_id })).toBe('/customers/c1?tab=jobs')
  })

  it('count unread for the bell, capped at 99+', () => {
    expect(unreadBadgeText(0)).toBeNull()
    expect(unreadBadgeText(7)).toBe('7')
    expect(unreadBadgeText(120)).toBe('99+')
  })
})
