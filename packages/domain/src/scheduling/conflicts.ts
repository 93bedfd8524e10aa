// Words for what the database's schedule_conflicts() finds before a move or a new job is saved.
// The kinds are that function's; the repository names them (ScheduleConflict).
import type { ConflictKind, ScheduleConflict } from '@repo/database/repositories'

export type { ConflictKind, ScheduleConflict }

/** A short label per kind, shown before the database's own sentence. */
export const conflictKindLabel: Record<ConflictKind, string> = {
  overlap: 'Double-booked',
  outside_hours: 'Outside working hours',
  time_off: 'Time off',
}

/** The dialog's question for a list of conflicts (one or several). */
export function conflictQuestion(conflicts: readonly Pick<ScheduleConflict, 'kind'>[]): string {
  return conflicts.length === 1
    ? 'This time has a conflict. Save anyway?'
    : `This time has ${conflicts.length} conflicts. Save anyway?`
}

/** Worst first: a double booking matters more than hours or time off. */
export function sortConflicts<T extends Pick<ScheduleConflict, 'kind' | 'message'>>(
  conflicts: readonly T[],
): T[] {
  const rank: Record<ConflictKind, number> = { overlap: 0, time_off: 1, outside_hours: 2 }
  return [...conflicts].sort(
    (a, b) => rank[a.kind] - rank[b.kind] || a.message.localeCompare(b.message),
  )
}
