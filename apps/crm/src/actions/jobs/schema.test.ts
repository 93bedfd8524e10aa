import { parseInput } from '@repo/actions/server'
import { describe, expect, it } from 'vitest'
import { jobMoveSchema, jobScheduleSchema } from './schema.ts'

const jobId = '50000000-0000-4000-8000-000000000003'
const tom = '20000000-0000-4000-8000-000000000003'

describe('moving a job on the calendar', () => {
  const move = {
    jobId,
    technicianId: tom,
    scheduledStart: '2026-11-24T15:00:00Z',
    scheduledEnd: '2026-11-24T17:00:00Z',
  }

  it('asks for the conflict check unless the dispatcher confirmed', () => {
    expect(parseInput(jobMoveSchema, move)).toMatchObject({ ok: true, data: { confirmed: false } })
    expect(
      parseInput(jobMoveSchema, { ...move, technicianId: null, confirmed: true }),
    ).toMatchObject({
      ok: true,
      data: { technicianId: null, confirmed: true },
    })
  })

  it('refuses an end before the start and more than a day, on the end field', () => {
    expect(
      parseInput(jobMoveSchema, { ...move, scheduledEnd: '2026-11-24T14:45:00Z' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { scheduledEnd: ['End must be after the start'] },
    })
    expect(
      parseInput(jobMoveSchema, { ...move, scheduledEnd: '2026-11-25T15:15:00Z' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { scheduledEnd: ['A job can last at most 24 hours'] },
    })
  })

  it('refuses an unknown technician id before the database', () => {
    expect(parseInput(jobMoveSchema, { ...move, technicianId: 'tom' })).toMatchObject({
      ok: false,
      fieldErrors: { technicianId: ['Technician is not a valid id'] },
    })
  })
})

describe('a new job from the calendar', () => {
  it('takes a property and defaults to checking conflicts', () => {
    const r = parseInput(jobScheduleSchema, {
      customerId: '30000000-0000-4000-8000-000000000001',
      propertyId: '31000000-0000-4000-8000-000000000001',
      title: 'Carpet cleaning',
      scheduledStart: '2026-11-24T15:00:00Z',
      scheduledEnd: '2026-11-24T17:00:00Z',
      priceCents: 14_900,
    })
    expect(r).toMatchObject({
      ok: true,
      data: { propertyId: '31000000-0000-4000-8000-000000000001', confirmed: false },
    })
  })
})
