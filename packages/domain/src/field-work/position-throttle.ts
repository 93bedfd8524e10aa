import { distanceMeters, type GeoPoint } from './geo.ts'

export interface PositionFix extends GeoPoint {
  /** Milliseconds since the epoch. */
  at: number
}

/** Positions are shared every 15 seconds, or sooner after 100 metres. */
export const POSITION_MIN_INTERVAL_MS = 15_000
export const POSITION_MIN_DISTANCE_M = 100

/** Whether a new fix is worth sending after the last one sent. */
export function shouldSharePosition(
  last: PositionFix | null,
  next: PositionFix,
  limits = { intervalMs: POSITION_MIN_INTERVAL_MS, distanceM: POSITION_MIN_DISTANCE_M },
): boolean {
  if (!last) return true
  return next.at - last.at >= limits.intervalMs || distanceMeters(last, next) >= limits.distanceM
}
