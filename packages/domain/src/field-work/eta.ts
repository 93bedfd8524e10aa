import { distanceMeters, type GeoPoint } from './geo.ts'

/**
 * How long the drive from `from` to `to` takes, in seconds. The straight-line estimator below is
 * the default; a routing service (with traffic) can take its place behind the same interface.
 */
export interface EtaEstimator {
  estimateSeconds(from: GeoPoint, to: GeoPoint): number | Promise<number>
}

/**
 * Distance over a constant speed (km/h, `ETA_SPEED_KMH` on the server): needs no outside service; a
 * detour factor accounts for roads not being straight.
 */
export function straightLineEstimator(speedKmh: number, detourFactor = 1.3): EtaEstimator {
  if (!(speedKmh > 0)) throw new RangeError('speedKmh must be positive')
  const metresPerSecond = (speedKmh * 1000) / 3600
  return {
    estimateSeconds: (from, to) => (distanceMeters(from, to) * detourFactor) / metresPerSecond,
  }
}

/** Whole minutes shown to a customer: at least 1, so "arriving in about 0 minutes" never shows. */
export function etaMinutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60))
}
