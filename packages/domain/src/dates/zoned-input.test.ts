import { describe, expect, it } from 'vitest'
import { fromZonedDateInputValue, fromZonedInputValue, toZonedInputValue } from './zoned-input.ts'

describe('datetime-local values in the business’s zone', () => {
  it('reads what was typed as wall time in the zone, whatever the browser’s zone', () => {
    expect(fromZonedInputValue('2026-01-15T03:00', 'America/Chicago')).toBe(
      '2026-01-15T09:00:00.000Z',
    )
    expect(fromZonedInputValue('2026-07-15T03:00', 'America/Chicago')).toBe(
      '2026-07-15T08:00:00.000Z',
    )
    expect(fromZonedInputValue('2026-01-15T03:00', 'Asia/Tokyo')).toBe('2026-01-14T18:00:00.000Z')
  })

  it('shows an instant as the wall time the business sees, and round-trips', () => {
    expect(toZonedInputValue('2026-01-15T09:00:00Z', 'America/Chicago')).toBe('2026-01-15T03:00')
    expect(toZonedInputValue(null, 'America/Chicago')).toBe('')
    const typed = '2026-11-01T14:45'
    expect(
      toZonedInputValue(fromZonedInputValue(typed, 'America/Chicago'), 'America/Chicago'),
    ).toBe(typed)
  })

  it('passes anything that is not a date through for the schema to reject', () => {
    expect(fromZonedInputValue('', 'UTC')).toBe('')
    expect(fromZonedInputValue('tomorrow', 'UTC')).toBe('tomorrow')
  })

  it('reads a due date as the end of that day in the zone', () => {
    expect(fromZonedDateInputValue('2026-01-15', 'America/Chicago')).toBe(
      '2026-01-16T05:59:59.999Z',
    )
    expect(fromZonedDateInputValue('', 'America/Chicago')).toBe('')
  })
})
