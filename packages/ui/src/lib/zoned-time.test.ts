import { afterEach, describe, expect, it } from 'vitest'
import { instantToWallTime, timeZoneNames, wallTimeToInstant } from './zoned-time.ts'

const chicago = 'America/Chicago'
const tokyo = 'Asia/Tokyo'

/** Every quarter hour from `start` for `hours` hours, as ISO instants. */
function quarterHours(start: string, hours: number): string[] {
  const t0 = Date.parse(start)
  return Array.from({ length: hours * 4 }, (_, i) => new Date(t0 + i * 15 * 60_000).toISOString())
}

describe('instant <-> wall-clock time in a zone', () => {
  it('America/Chicago: standard and daylight time on either side of the spring-forward change', () => {
    expect(instantToWallTime('2026-01-15T15:00:00Z', chicago)).toBe('2026-01-15T09:00')
    expect(instantToWallTime('2026-03-08T07:59:00.000Z', chicago)).toBe('2026-03-08T01:59')
    expect(instantToWallTime('2026-03-08T08:00:00.000Z', chicago)).toBe('2026-03-08T03:00')
    expect(wallTimeToInstant('2026-03-08T01:59', chicago)).toBe('2026-03-08T07:59:00.000Z')
    expect(wallTimeToInstant('2026-03-08T03:00', chicago)).toBe('2026-03-08T08:00:00.000Z')
    expect(wallTimeToInstant('2026-07-01T12:00', chicago)).toBe('2026-07-01T17:00:00.000Z')
  })

  it('America/Chicago: a skipped time moves forward, a repeated time means the first one', () => {
    expect(wallTimeToInstant('2026-03-08T02:30', chicago)).toBe('2026-03-08T08:30:00.000Z')
    expect(instantToWallTime('2026-11-01T06:30:00.000Z', chicago)).toBe('2026-11-01T01:30')
    expect(instantToWallTime('2026-11-01T07:30:00.000Z', chicago)).toBe('2026-11-01T01:30')
    expect(wallTimeToInstant('2026-11-01T01:30', chicago)).toBe('2026-11-01T06:30:00.000Z')
  })

  it('America/Chicago: every quarter hour around both changes round-trips, bar the repeated hour', () => {
    const instants = [
      ...quarterHours('2026-03-07T18:00:00Z', 24),
      ...quarterHours('2026-10-31T18:00:00Z', 24),
    ]
    // 01:00–01:59 CST on Nov 1 shows the same wall-clock text as the hour before it.
    const repeated = (iso: string) => iso >= '2026-11-01T07:00' && iso < '2026-11-01T08:00'
    for (const instant of instants) {
      const back = wallTimeToInstant(instantToWallTime(instant, chicago), chicago)
      if (repeated(instant)) {
        expect(back).toBe(new Date(Date.parse(instant) - 3_600_000).toISOString())
      } else {
        expect(back).toBe(instant)
      }
    }
  })

  it('Asia/Tokyo: nine hours ahead all year, crossing the date line of the business day', () => {
    expect(instantToWallTime('2026-03-08T20:30:00.000Z', tokyo)).toBe('2026-03-09T05:30')
    expect(wallTimeToInstant('2026-03-09T05:30', tokyo)).toBe('2026-03-08T20:30:00.000Z')
    expect(instantToWallTime('2026-03-08T08:00:00.000Z', tokyo)).toBe('2026-03-08T17:00')
    expect(instantToWallTime('2026-11-01T07:30:00+00:00', tokyo)).toBe('2026-11-01T16:30')
    for (const instant of [
      ...quarterHours('2026-03-07T18:00:00Z', 24),
      ...quarterHours('2026-10-31T18:00:00Z', 24),
    ]) {
      expect(wallTimeToInstant(instantToWallTime(instant, tokyo), tokyo)).toBe(instant)
    }
  })

  it('an incomplete or impossible wall-clock time gives no instant', () => {
    expect(wallTimeToInstant('', chicago)).toBeNull()
    expect(wallTimeToInstant('2026-03-08', chicago)).toBeNull()
    expect(wallTimeToInstant('2026-02-30T10:00', chicago)).toBeNull()
    expect(wallTimeToInstant('2026-03-08T25:00', chicago)).toBeNull()
    expect(instantToWallTime('not a date', chicago)).toBe('')
  })
})

describe('independent of the machine zone', () => {
  const original = process.env.TZ
  afterEach(() => {
    if (original === undefined) delete process.env.TZ
    else process.env.TZ = original
  })

  it('gives the same answers when the process runs in another zone', () => {
    process.env.TZ = 'Pacific/Auckland'
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-780)
    expect(instantToWallTime('2026-03-08T08:00:00.000Z', chicago)).toBe('2026-03-08T03:00')
    expect(wallTimeToInstant('2026-03-09T05:30', tokyo)).toBe('2026-03-08T20:30:00.000Z')
  })
})

describe('timeZoneNames', () => {
  it('names the zone as it is at the instant, or generically without one', () => {
    expect(timeZoneNames(chicago, '2026-01-15T15:00:00Z')).toEqual({
      short: 'CST',
      long: 'Central Standard Time',
    })
    expect(timeZoneNames(chicago, '2026-07-01T15:00:00Z')).toEqual({
      short: 'CDT',
      long: 'Central Daylight Time',
    })
    expect(timeZoneNames(chicago, null)).toEqual({ short: 'CT', long: 'Central Time' })
    expect(timeZoneNames(tokyo, '2026-07-01T15:00:00Z').long).toBe('Japan Standard Time')
  })
})
