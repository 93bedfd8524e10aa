import { Badge } from '@repo/ui/badge'
import { type JobStatus, jobStatusLabel, jobStatusTone } from '@/lib/job-status'

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <Badge tone={jobStatusTone[status]}>{jobStatusLabel[status]}</Badge>
}
