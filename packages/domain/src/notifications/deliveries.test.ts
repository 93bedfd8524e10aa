import { describe, expect, it } from 'vitest'
import {
  canRetryDelivery,
  deliveryStatuses,
  deliveryStatusLabel,
  digestHourLabel,
  isDeliveryStatus,
} from './deliveries.ts'

describe('deliveries', () => {
  it('labels every status the database has, and only a failed delivery can be retried', () => {
    expect([...deliveryStatuses]).toEqual(['pending', 'sending', 'sent', 'dead', 'cancelled'])
    expect(deliveryStatusLabel.dead).toBe('Failed')
    expect(deliveryStatuses.filter(canRetryDelivery)).toEqual(['dead'])
    expect(isDeliveryStatus('dead')).toBe(true)
    expect(isDeliveryStatus('lost')).toBe(false)
  })

  it('says a digest hour on a 12-hour clock', () => {
    expect([0, 7, 12, 18, 23].map(digestHourLabel)).toEqual([
      '12:00 AM',
      '7:00 AM',
      '12:00 PM',
      '6:00 PM',
      '11:00 PM',
    ])
  })
})
