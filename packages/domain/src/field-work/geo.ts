/** A point on the earth in WGS 84 degrees. */
export interface GeoPoint {
  latitude: number
  longitude: number
}

const EARTH_RADIUS_M = 6_371_000

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.latitude - a.latitude)
  const dLng = rad(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A point with usable coordinates, or null (a property without them). */
export function toGeoPoint(
  value: { latitude: number | null; longitude: number | null } | null | undefined,
): GeoPoint | null {
  if (!value || value.latitude === null || value.longitude === null) return null
  return { latitude: value.latitude, longitude: value.longitude }
}
