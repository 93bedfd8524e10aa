'use client'

import type { JobRow, StaffMemberRow } from '@repo/database/types'
import Link from 'next/link'
import { useFeedRefresh } from '@/live/use-feed-refresh.ts'
import { JobCard } from './job-card.tsx'

export interface BoardDay {
  /** yyyy-mm-dd in the organization's calendar. */
  key: string
  label: string
}

/** Day or week board: a column per day, jobs by start time; refreshes on any job change. */
export function JobBoard({
  days,
  jobs,
  staff,
  customerNames,
  dayOf,
}: {
  days: BoardDay[]
  jobs: JobRow[]
  staff: StaffMemberRow[]
  customerNames: Record<string, string>
  dayOf: Record<string, string>
}) {
  useFeedRefresh(['jobs', 'customers', 'staff_members'])
  return (
    <div className={`grid gap-3 ${days.length > 1 ? 'md:grid-cols-2 xl:grid-cols-4' : ''}`}>
      {days.map((day) => {
        const dayJobs = jobs.filter((j) => dayOf[j.id] === day.key)
        return (
          <section key={day.key} aria-label={day.label} className="space-y-2 rounded-xl bg-slate-100 p-2">
            <h2 className="px-1 font-semibold">
              {day.label} <span className="text-sm font-normal text-slate-600">({dayJobs.length})</span>
            </h2>
            {dayJobs.length === 0 ? <p className="px-1 text-sm text-slate-600">No jobs.</p> : null}
            {dayJobs.map((job) => (
              <div key={job.id}>
                <JobCard job={job} staff={staff} customerName={customerNames[job.customer_id]} />
                <Link prefetch={false} href={`/customers/${job.customer_id}?tab=jobs`} className="mt-1 block px-1 text-xs text-sky-800 hover:underline">
                  Open customer
                </Link>
              </div>
            ))}
          </section>
        )
      })}
    </div>
  )
}
