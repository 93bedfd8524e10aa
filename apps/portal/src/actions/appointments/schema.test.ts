import { describe, expect, it } from 'vitest'
import { cancelSchema, moveSchema, rescheduleSchema } from './schema.ts'

const jobId = '6f1c2f5e-8a1b-4c3d-9e2f-1a2b3c4d5e6f'
const future = new Date(Date.now() + 3 * 86_400_000).toISOString()

describe('rescheduleSchema', () => {
  it('accepts one to three future times and a note', () => {
    expect(rescheduleSchema.safeParse({ jobId, preferredTimes: [future], note: 'Mornings please' }).success).toBe(true)
  })

  it('rejects no times, past times, too many times and bad ids', () => {
    expect(rescheduleSchema.safeParse({ jobId, preferredTimes: [] }).success).toBe(false)
    expect(rescheduleSchema.safeParse({ jobId, preferredTimes: ['2020-01-01T10:00:00Z'] }).success).toBe(false)
    expect(rescheduleSchema.safeParse({ jobId, preferredTimes: [future, future, future, future] }).success).toBe(false)
    expect(rescheduleSchema.safeParse({ jobId: 'x', preferredTimes: [future] }).success).toBe(false)
    expect(rescheduleSchema.safeParse({ jobId, preferredTimes: [future], note: 'x'.repeat(501) }).success).toBe(false)
  })
})

describe('cancelSchema', () => {
  it('needs a reason', () => {
    expect(cancelSchema.safeParse({ jobId, reason: '  ' }).success).toBe(false)
    expect(cancelSchema.safeParse({ jobId, reason: 'Moving house' }).success).toBe(true)
  })
})

describe('moveSchema', () => {
  it('needs the appointment and a picked time', () => {
    expect(moveSchema.safeParse({ jobId, startsAt: future }).success).toBe(true)
    expect(moveSchema.safeParse({ jobId, startsAt: '' }).success).toBe(false)
    expect(moveSchema.safeParse({ jobId: 'x', startsAt: future }).success).toBe(false)
  })
})
