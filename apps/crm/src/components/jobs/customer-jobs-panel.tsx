'use client'

import type { CustomerRow, JobRow, StaffMemberRow } from '@repo/database/types'
import { useState } from 'react'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { can } from '@repo/domain/staff'
import { JobCard } from './job-card.tsx'
import { ScheduleJobForm } from './schedule-job-form.tsx'

export function CustomerJobsPanel({ customer, jobs, staff }: { customer: CustomerRow; jobs: JobRow[]; staff: StaffMemberRow[] }) {
  const { role } = useStaffSession()
  const [adding, setAdding] = useState(false)
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">Jobs</h2>
        {can(role, 'jobs.schedule') && !adding ? (
          <button type="button" onClick={() => setAdding(true)} className="min-h-11 rounded-lg bg-sky-700 px-4 font-semibold text-white">
            Schedule job
          </button>
        ) : null}
      </div>
      {adding ? <ScheduleJobForm customer={customer} staff={staff} onDone={() => setAdding(false)} /> : null}
      {jobs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-700">No jobs for this customer yet.</p>
      ) : (
        <div className="grid gap-3 md:grid-cols-2">
          {jobs.map((job) => (
            <JobCard key={job.id} job={job} staff={staff} />
          ))}
        </div>
      )}
    </div>
  )
}
