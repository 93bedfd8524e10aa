'use client'

import type { CustomerRow, JobRow, StaffMemberRow } from '@repo/database/types'
import { can } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import { EmptyState } from '@repo/ui/empty-state'
import { useState } from 'react'
import { RecordFiles } from '@/components/files/record-files.tsx'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { JobCard } from './job-card.tsx'
import { ScheduleJobForm } from './schedule-job-form.tsx'

export function CustomerJobsPanel({
  customer,
  jobs,
  staff,
}: {
  customer: CustomerRow
  jobs: JobRow[]
  staff: StaffMemberRow[]
}) {
  const { role } = useStaffSession()
  const [adding, setAdding] = useState(false)
  const [photosOf, setPhotosOf] = useState<string | null>(null)
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Jobs</h2>
        {can(role, 'jobs.schedule') && !adding ? (
          <Button onClick={() => setAdding(true)}>Schedule job</Button>
        ) : null}
      </div>
      {adding ? (
        <ScheduleJobForm customer={customer} staff={staff} onDone={() => setAdding(false)} />
      ) : null}
      {jobs.length === 0 ? (
        <EmptyState title="No jobs for this customer yet." />
      ) : (
        <div className="grid gap-3 md:grid-cols-2">
          {jobs.map((job) => (
            <div key={job.id} className="space-y-2">
              <JobCard job={job} staff={staff} />
              <Button
                variant="secondary"
                size="sm"
                aria-expanded={photosOf === job.id}
                onClick={() => setPhotosOf(photosOf === job.id ? null : job.id)}
              >
                {photosOf === job.id ? 'Hide photos' : 'Photos'}
              </Button>
              {photosOf === job.id ? (
                <RecordFiles
                  target={{ type: 'job', id: job.id }}
                  title={`Photos of ${job.title}`}
                />
              ) : null}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
