import { Constants, type JobStatus } from '@repo/database/types'

export type { JobStatus }

/** Every status, in lifecycle order (the database enum lists them that way; cancelled last). */
export const jobStatuses: readonly JobStatus[] = Constants.public.Enums.job_status

/** The statuses from `from` to `to`, both included, in lifecycle order. */
export function lifecycleSpan(from: JobStatus, to: JobStatus): readonly JobStatus[] {
  return jobStatuses.slice(jobStatuses.indexOf(from), jobStatuses.indexOf(to) + 1)
}
