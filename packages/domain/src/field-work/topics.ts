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
