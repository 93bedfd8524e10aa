import type { JobRow } from '@repo/database/types'
import { describe, expect, it } from 'vitest'
import { describeJobChange, describeJobForStaff } from './job-notices.ts'

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
})

describe('describeJobForStaff', () => {
  const now = Date.parse('2026-01-10T12:00:30Z')

  it('rings for a fresh confirmation or reschedule request, once per occurrence', () => {
    const confirmed = { ...job, status: 'confirmed' as const, confirmed_at: '2026-01-10T12:00:00Z' }
    expect(describeJobForStaff(confirmed, now)).toEqual([
      {
        id: `c:${job.id}:2026-01-10T12:00:00Z`,
        text: 'Appointment confirmed: Living room carpets',
        at: '2026-01-10T12:00:00Z',
      },
    ])
    const asked = { ...job, reschedule_requested_at: '2026-01-10T12:00:10Z' }
    expect(describeJobForStaff(asked, now).map((n) => n.text)).toEqual([
      'Reschedule requested: Living room carpets',
    ])
  })

  it('stays quiet about old news re-sent with a later update', () => {
    const old = { ...job, status: 'confirmed' as const, confirmed_at: '2026-01-09T12:00:00Z' }
    expect(describeJobForStaff(old, now)).toEqual([])
  })
})
