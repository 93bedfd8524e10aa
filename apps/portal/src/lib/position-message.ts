import type { JobPosition } from '@repo/database/repositories'
import type { PositionMessage } from '@repo/domain/field-work'

/** A stored last-known position (`job_positions`) as the live channel carries it. */
export function toPositionMessage(row: JobPosition | null): PositionMessage | null {
  return row
    ? {
        latitude: row.latitude,
        longitude: row.longitude,
        accuracy: row.accuracy_m,
        recordedAt: row.recorded_at,
      }
    : null
}
