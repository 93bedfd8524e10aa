import { describe, expect, it } from 'vitest'
import {
  allowedNextStatuses,
  canConfirm,
  canMoveJob,
  canRequestReschedule,
  customerJobStatusLabel,
  isUpcoming,
  jobStatusLabel,
  progressStatuses,
  statusesBeforeVisit,
  technicianJobStatuses,
} from './job-status.ts'
import { statusTimeline } from './job-timeline.ts'

const states = (
  status: Parameters<typeof statusTimeline>[0],
  reached?: Parameters<typeof statusTimeline>[1],
) => statusTimeline(status, reached).map((s) => `${s.status}:${s.state}`)

describe('statusTimeline', () => {
  it('marks earlier steps done and the current one current', () => {
    expect(states('en_route')).toEqual([
      'scheduled:done',
      'confirmed:done',
      'en_route:current',
      'in_progress:upcoming',
      'completed:upcoming',
    ])
  })

  it('shows a completed job as fully done', () => {
    expect(states('completed').every((s) => s.endsWith(':done'))).toBe(true)
  })

  it('puts a requested job before scheduling', () => {
    expect(states('requested')[0]).toBe('requested:current')
    expect(states('requested')[1]).toBe('scheduled:upcoming')
  })

  it('ends a cancelled job with the cancellation after the steps it reached', () => {
    expect(states('cancelled', 'confirmed')).toEqual([
      'scheduled:done',
      'confirmed:done',
      'cancelled:current',
    ])
  })
})

describe('actions allowed by status', () => {
  it('confirms only scheduled jobs and reschedules only before the visit', () => {
    expect(canConfirm('scheduled')).toBe(true)
    expect(canConfirm('confirmed')).toBe(false)
    expect(canRequestReschedule('confirmed')).toBe(true)
    expect(canRequestReschedule('in_progress')).toBe(false)
  })
})

describe('isUpcoming', () => {
  const now = new Date('2026-05-01T12:00:00Z')
  it('keeps open future jobs and drops finished ones', () => {
    expect(isUpcoming({ status: 'scheduled', scheduled_start: '2026-05-02T09:00:00Z' }, now)).toBe(
      true,
    )
    expect(isUpcoming({ status: 'completed', scheduled_start: '2026-05-02T09:00:00Z' }, now)).toBe(
      false,
    )
    expect(isUpcoming({ status: 'scheduled', scheduled_start: '2026-04-20T09:00:00Z' }, now)).toBe(
      false,
    )
  })
})

describe('lifecycles', () => {
  it('moves jobs forward only', () => {
    expect(canMoveJob('scheduled', 'confirmed')).toBe(true)
    expect(canMoveJob('in_progress', 'completed')).toBe(true)
    expect(canMoveJob('completed', 'in_progress')).toBe(false)
    expect(canMoveJob('cancelled', 'scheduled')).toBe(false)
    expect(allowedNextStatuses('completed')).toEqual([])
  })

  it('reads the stages of a visit from the database enum’s lifecycle order', () => {
    expect(statusesBeforeVisit).toEqual(['requested', 'scheduled', 'confirmed'])
    expect(technicianJobStatuses).toEqual(['en_route', 'in_progress', 'completed'])
    expect(progressStatuses).toEqual([
      'scheduled',
      'confirmed',
      'en_route',
      'in_progress',
      'completed',
    ])
  })
})

describe('wording', () => {
  it('tells customers more than staff only where it helps', () => {
    expect(jobStatusLabel.en_route).toBe('En route')
    expect(customerJobStatusLabel('en_route')).toBe('Technician en route')
    expect(customerJobStatusLabel('scheduled')).toBe(jobStatusLabel.scheduled)
  })
})
