import type { JobRow } from '@repo/database/types'
import { describe, expect, it } from 'vitest'
import { describeJobChange } from './job-notices.ts'

const job = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Living room carpets',
  status: 'scheduled',
  scheduled_start: '2026-01-15T09:00:00Z',
  confirmed_at: null,
  reschedule_requested_at: null,
} as JobRow

describe('describeJobChange', () => {
  it('says when a new appointment is in the business’s time zone', () => {
    expect(describeJobChange('INSERT', job, null, 'America/Chicago')?.description).toBe(
      'Living room carpets · Thu, Jan 15, 3:00 AM',
    )
    const moved = { ...job, scheduled_start: '2026-01-16T15:00:00Z' }
    expect(describeJobChange('UPDATE', moved, job, 'America/Chicago')?.description).toBe(
      'Living room carpets: now Fri, Jan 16, 9:00 AM',
    )
  })

  it('words an online booking, its acceptance and a move by the customer', () => {
    const requested = { ...job, status: 'requested' } as JobRow
    expect(describeJobChange('INSERT', requested, null, 'America/Chicago')).toMatchObject({
      title: 'Booking requested',
      description: 'Living room carpets · Thu, Jan 15, 3:00 AM',
    })
    expect(describeJobChange('UPDATE', job, requested, 'America/Chicago')).toMatchObject({
      title: 'Booking accepted',
      tone: 'success',
      description: 'Living room carpets is scheduled for Thu, Jan 15, 3:00 AM',
    })
    const moved = { ...requested, scheduled_start: '2026-01-16T15:00:00Z' }
    expect(describeJobChange('UPDATE', moved, job, 'America/Chicago')).toMatchObject({
      title: 'Appointment rescheduled',
      description: 'Living room carpets: now Fri, Jan 16, 9:00 AM, waiting for confirmation',
    })
  })
})
