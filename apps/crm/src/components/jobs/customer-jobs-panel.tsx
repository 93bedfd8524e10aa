'use client'

import type { CustomerRow, JobRow, StaffMemberRow } from '@repo/database/types'
import { can } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import { EmptyState } from '@repo/ui/empty-state'
import { useState } from 'react'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { JobCard } from './job-card.tsx'
import { ScheduleJobForm } from './schedule-job-form.tsx'

export function CustomerJobsPanel({ customer, jobs, staff }: { customer: CustomerRow; jobs: JobRow[]; staff: StaffMemberRow[] }) {
  const { role } = useStaffSession()
  const [adding, setAdding] = useState(false)
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Jobs</h2>
        {can(role, 'jobs.schedule') && !adding ? <Button onClick={() => setAdding(true)}>Schedule job</Button> : null}
      </div>
      {adding ? <ScheduleJobForm customer={customer} staff={staff} onDone={() => setAdding(false)} /> : null}
      {jobs.length === 0 ? (
        <EmptyState title="No jobs for this customer yet." />
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
