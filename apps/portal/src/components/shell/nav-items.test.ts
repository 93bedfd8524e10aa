import { describe, expect, it } from 'vitest'
import { portalNavItems } from './nav-items'

describe('portalNavItems', () => {
  it('offers booking while the business takes bookings online', () => {
    const hrefs = portalNavItems({ onlineBooking: true }).map((item) => item.href)
    expect(hrefs).toContain('/book')
    expect(hrefs.indexOf('/book')).toBeLessThan(hrefs.indexOf('/quotes'))
  })

  it('leaves booking out when online booking is off, and keeps every other page', () => {
    const on = portalNavItems({ onlineBooking: true }).map((item) => item.href)
    const off = portalNavItems({ onlineBooking: false }).map((item) => item.href)
    expect(off).not.toContain('/book')
    expect(off).toEqual(on.filter((href) => href !== '/book'))
  })

  it('keeps four primary tabs for the phone tab bar either way', () => {
    for (const onlineBooking of [true, false]) {
      expect(portalNavItems({ onlineBooking }).filter((item) => item.primary)).toHaveLength(4)
    }
  })
})
