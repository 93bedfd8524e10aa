import { describe, expect, it } from 'vitest'
import {
  defaultDeliveryPreferences,
  deliveryKeys,
  parseDeliveryPreferences,
} from './delivery-preferences.ts'

describe('delivery preferences', () => {
  it('start with e-mail on and texts off, every group on (as the database default)', () => {
    expect(parseDeliveryPreferences({})).toEqual(defaultDeliveryPreferences)
    expect(defaultDeliveryPreferences.email).toBe(true)
    expect(defaultDeliveryPreferences.sms).toBe(false)
    expect(defaultDeliveryPreferences.billing_sms).toBe(true)
    expect(deliveryKeys).toHaveLength(12)
  })

  it('keep stored switches and ignore anything that is not one', () => {
    const parsed = parseDeliveryPreferences({
      sms: true,
      reminders_email: false,
      billing_sms: 'yes',
      job_updates: false,
    })
    expect(parsed).toEqual({ ...defaultDeliveryPreferences, sms: true, reminders_email: false })
  })
})
