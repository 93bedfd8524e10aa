import { customerJobStatusLabel, type JobStatus, jobStatusTone } from '@repo/domain/jobs'
import { Badge } from '@repo/ui/badge'

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <Badge tone={jobStatusTone[status]}>{customerJobStatusLabel(status)}</Badge>
}
