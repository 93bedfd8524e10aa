import { describe, expect, it } from 'vitest'
import { bookSchema, findSlotsSchema } from './schema.ts'

const serviceId = '40000000-0000-4000-8000-000000000001'

describe('findSlotsSchema', () => {
  it('takes a real day of the calendar', () => {
    expect(findSlotsSchema.safeParse({ serviceId, from: '2026-12-08' }).success).toBe(true)
    expect(findSlotsSchema.safeParse({ serviceId, from: '2026-02-30' }).success).toBe(false)
    expect(findSlotsSchema.safeParse({ serviceId, from: 'tomorrow' }).success).toBe(false)
  })
})

describe('bookSchema', () => {
  it('needs a service and a time; the property and notes are optional', () => {
    expect(bookSchema.parse({ serviceId, startsAt: '2026-12-08T15:00:00Z' })).toEqual({
      serviceId,
      startsAt: '2026-12-08T15:00:00Z',
      propertyId: null,
      notes: '',
    })
    expect(bookSchema.safeParse({ serviceId, startsAt: '' }).success).toBe(false)
    expect(bookSchema.safeParse({ serviceId: '', startsAt: '2026-12-08T15:00:00Z' }).success).toBe(
      false,
    )
    expect(
      bookSchema.safeParse({ serviceId, startsAt: '2026-12-08T15:00:00Z', notes: 'x'.repeat(2001) })
        .success,
    ).toBe(false)
  })
})
