import { describe, expect, it } from 'vitest'
import {
  arrivalView,
  describeArrival,
  directionsUrl,
  distanceMeters,
  etaMinutes,
  firstNameOf,
  jobPositionTopic,
  parsePositionMessage,
  shouldSharePosition,
  straightLineEstimator,
  telUrl,
  workSummary,
} from './index.ts'

const office = { latitude: 30.2672, longitude: -97.7431 }
const alice = { latitude: 30.2545, longitude: -97.7794 }

describe('field work', () => {
  it('measures distances on the earth', () => {
    expect(distanceMeters(office, office)).toBe(0)
    // One degree of latitude is about 111.2 km.
    expect(
      distanceMeters({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 }),
    ).toBeCloseTo(111_195, -2)
    expect(distanceMeters(office, alice)).toBeGreaterThan(3_000)
    expect(distanceMeters(office, alice)).toBeLessThan(4_000)
  })

  it('estimates the drive from distance and speed', () => {
    const eta = straightLineEstimator(36, 1)
    // 36 km/h is 10 m/s.
    expect(
      eta.estimateSeconds({ latitude: 0, longitude: 0 }, { latitude: 0.01, longitude: 0 }),
    ).toBeCloseTo(111.2, 0)
    expect(() => straightLineEstimator(0)).toThrow(RangeError)
    expect(etaMinutes(10)).toBe(1)
    expect(etaMinutes(12 * 60 + 10)).toBe(12)
  })

  it('shares a position every 15 s or after 100 m', () => {
    const first = { ...office, at: 0 }
    expect(shouldSharePosition(null, first)).toBe(true)
    expect(shouldSharePosition(first, { ...office, at: 14_999 })).toBe(false)
    expect(shouldSharePosition(first, { ...office, at: 15_000 })).toBe(true)
    expect(
      shouldSharePosition(first, {
        latitude: office.latitude + 0.001,
        longitude: office.longitude,
        at: 1_000,
      }),
    ).toBe(true)
  })

  it('tells the customer the arrival, or when it last knew', () => {
    const now = Date.parse('2026-12-03T10:00:00Z')
    const live = arrivalView({ etaSeconds: 720, recordedAt: '2026-12-03T09:59:50Z', now })
    expect(describeArrival('Tom', live, '10:30 AM').headline).toBe(
      'Tom is on the way, arriving in about 12 minutes',
    )
    const stale = arrivalView({ etaSeconds: 720, recordedAt: '2026-12-03T09:57:00Z', now })
    expect(describeArrival('Tom', stale, '10:30 AM')).toEqual({
      headline: 'Tom is on the way',
      detail: 'Expected around 10:30 AM · last update 3 min ago',
    })
    expect(
      describeArrival(null, arrivalView({ etaSeconds: null, recordedAt: null, now }), null),
    ).toEqual({
      headline: 'Your technician is on the way',
      detail: null,
    })
    expect(describeArrival('Tom', { kind: 'live', minutes: 1 }, null).headline).toBe(
      'Tom is on the way, arriving in about 1 minute',
    )
  })

  it('builds phone, directions and topic names', () => {
    expect(telUrl('(512) 555-0142')).toBe('tel:5125550142')
    expect(telUrl('+1 512 555 0142')).toBe('tel:+15125550142')
    expect(telUrl('')).toBeNull()
    expect(
      directionsUrl({
        address_line1: '1204 Barton Hills Dr',
        city: 'Austin',
        region: 'TX',
        postal_code: '78704',
      }),
    ).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=1204%20Barton%20Hills%20Dr%2C%20Austin%2C%20TX%2078704',
    )
    expect(directionsUrl({}, { latitude: 1, longitude: 2 })).toContain('destination=1%2C2')
    expect(directionsUrl({})).toBeNull()
    expect(firstNameOf('Tom Becker')).toBe('Tom')
    expect(jobPositionTopic('abc')).toBe('job:abc:position')
  })
  it('accepts only well-formed positions off the network', () => {
    const ok = { latitude: 30.2, longitude: -97.7, accuracy: 5, recordedAt: '2026-12-03T10:00:00Z' }
    expect(parsePositionMessage(ok)).toEqual(ok)
    expect(parsePositionMessage({ ...ok, accuracy: 'x' })).toEqual({ ...ok, accuracy: null })
    expect(parsePositionMessage({ ...ok, latitude: 91 })).toBeNull()
    expect(parsePositionMessage({ ...ok, recordedAt: 'soon' })).toBeNull()
    expect(parsePositionMessage('x')).toBeNull()
  })

  it('summarizes the work a customer signs for', () => {
    const job = {
      title: 'Carpet cleaning',
      service: { name: 'Carpet', checklist: ['Move furniture', 'Extract'] },
    }
    expect(workSummary(job, ['Extract', 'Not on the list'])).toEqual({
      version: 1,
      title: 'Carpet cleaning',
      service: 'Carpet',
      checklist: [
        { item: 'Move furniture', done: false },
        { item: 'Extract', done: true },
      ],
    })
    expect(workSummary({ title: 'Odd job', service: null }, []).checklist).toEqual([])
  })
})
