import 'server-only'
import { findScheduleConflicts, type ScheduleConflict } from '@repo/database/repositories'
import type { JobRow } from '@repo/database/types'
import type { StaffContext } from '@/lib/staff-context.ts'

/** What a calendar save answers: saved, or not yet because the time has conflicts to confirm. */
export type ScheduleOutcome =
  | { status: 'saved'; job: JobRow }
  | { status: 'conflicts'; conflicts: ScheduleConflict[] }

/**
 * The conflicts the dispatcher has not confirmed yet (none without a technician, or once confirmed).
 * The database decides what a conflict is (schedule_conflicts), so every client gets the same list.
 */
export async function unconfirmedConflicts(
  supabase: StaffContext['supabase'],
  input: {
    technicianId: string | null
    scheduledStart: string
    scheduledEnd: string
    confirmed: boolean
    jobId?: string
  },
): Promise<ScheduleConflict[]> {
  if (input.confirmed || !input.technicianId) return []
  return findScheduleConflicts(supabase, {
    technicianId: input.technicianId,
    startsAt: input.scheduledStart,
    endsAt: input.scheduledEnd,
    jobId: input.jobId ?? null,
  })
}
