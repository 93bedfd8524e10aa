/** The private broadcast topic a technician on the way shares their position on. */
export function jobPositionTopic(jobId: string): string {
  return `job:${jobId}:position`
}

/** The broadcast event carrying one position. */
export const POSITION_EVENT = 'position'

export interface PositionMessage {
  latitude: number
  longitude: number
  accuracy: number | null
  /** ISO 8601, when the phone took the fix. */
  recordedAt: string
}

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** A position off the network: only the agreed shape, with coordinates on the earth. */
export function parsePositionMessage(value: unknown): PositionMessage | null {
  if (typeof value !== 'object' || value === null) return null
  const { latitude, longitude, accuracy, recordedAt } = value as Record<string, unknown>
  if (
    !finite(latitude) ||
    !finite(longitude) ||
    Math.abs(latitude) > 90 ||
    Math.abs(longitude) > 180
  )
    return null
  if (typeof recordedAt !== 'string' || Number.isNaN(Date.parse(recordedAt))) return null
  return { latitude, longitude, accuracy: finite(accuracy) ? accuracy : null, recordedAt }
}
