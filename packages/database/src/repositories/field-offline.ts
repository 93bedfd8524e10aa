import type { Client, JobStatus, Json } from '../types.ts'
import { RepositoryError, unwrap } from './errors.ts'
import { assertUuid } from './validate.ts'

/** One change someone else made to a job (from the audit trail): fields old → new. */
export interface JobChangeByOther {
  at: string
  by: string
  changes: Record<string, { old?: Json; new?: Json }>
}

/** The job as the database has it now: what a queued change rebases on. */
export interface JobVersion {
  status: JobStatus
  updatedAt: string
}

export type FieldStatusOutcome =
  | ({ outcome: 'applied' | 'replayed' } & JobVersion)
  | ({ outcome: 'conflict'; changes: JobChangeByOther[] } & JobVersion)

export interface FieldStatusInput {
  /** The queued change's idempotency key: a second call with it changes nothing. */
  key: string
  jobId: string
  /** The job as the phone saw it when the change was made. */
  expected: JobVersion
  status: JobStatus
}

/**
 * Moves a job to a status on behalf of a queued (possibly replayed) change, once per key; a job
 * someone else changed since `expected` is answered as a conflict, not overwritten.
 */
export async function applyFieldJobStatus(
  client: Client,
  input: FieldStatusInput,
): Promise<FieldStatusOutcome> {
  const result = await client.rpc('apply_field_job_status', {
    p_key: assertUuid(input.key, 'key'),
    p_job_id: assertUuid(input.jobId, 'jobId'),
    p_expected_status: input.expected.status,
    p_expected_updated_at: input.expected.updatedAt,
    p_status: input.status,
  })
  return readOutcome(unwrap(result, 'changing the job’s status'))
}

/** What others changed on a job after `since` (the caller's own changes left out), oldest first. */
export async function listJobChangesByOthers(
  client: Client,
  jobId: string,
  since: string,
): Promise<JobChangeByOther[]> {
  const result = await client.rpc('job_changes_by_others', {
    p_job_id: assertUuid(jobId, 'jobId'),
    p_since: since,
  })
  return readChanges(unwrap(result, 'reading the job’s changes'))
}

function readOutcome(value: Json): FieldStatusOutcome {
  if (
    !isObject(value) ||
    typeof value.status !== 'string' ||
    typeof value.updated_at !== 'string'
  ) {
    throw new RepositoryError('apply_field_job_status answered an unknown shape', 'bad_shape')
  }
  const version = { status: value.status as JobStatus, updatedAt: value.updated_at }
  switch (value.outcome) {
    case 'applied':
    case 'replayed':
      return { outcome: value.outcome, ...version }
    case 'conflict':
      return { outcome: 'conflict', ...version, changes: readChanges(value.changes ?? []) }
    default:
      throw new RepositoryError('apply_field_job_status answered an unknown outcome', 'bad_shape')
  }
}

function readChanges(value: Json): JobChangeByOther[] {
  if (!Array.isArray(value)) throw new RepositoryError('changes must be a list', 'bad_shape')
  return value.filter(isObject).map((entry) => ({
    at: String(entry.at),
    by: String(entry.by),
    changes: (isObject(entry.changes) ? entry.changes : {}) as JobChangeByOther['changes'],
  }))
}

function isObject(value: Json | undefined): value is { [key: string]: Json | undefined } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
