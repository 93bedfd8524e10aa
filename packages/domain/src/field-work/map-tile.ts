// A map without a map library: one standard web-mercator tile (`{z}/{x}/{y}`, 256 px, as
// OpenStreetMap and most tile services serve them) and where a point falls on it.
import type { GeoPoint } from './geo.ts'

export interface TileSpot {
  zoom: number
  x: number
  y: number
  /** Where the point falls on the tile, 0–1 from its left and top edges. */
  left: number
  top: number
}

/** The tile that holds a point at a zoom level, and where on it the point is. */
export function tileSpot(point: GeoPoint, zoom: number): TileSpot {
  const n = 2 ** zoom
  const lat = (Math.max(-85.0511, Math.min(85.0511, point.latitude)) * Math.PI) / 180
  const fx = ((point.longitude + 180) / 360) * n
  const fy = ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n
  const x = Math.min(n - 1, Math.floor(fx))
  const y = Math.min(n - 1, Math.max(0, Math.floor(fy)))
  return { zoom, x, y, left: fx - x, top: fy - y }
}

/** Whether a tile URL template has the three placeholders (`https://tiles.example/{z}/{x}/{y}.png`). */
export function isTileTemplate(template: string): boolean {
  return ['{z}', '{x}', '{y}'].every((p) => template.includes(p)) && /^https?:\/\//.test(template)
}

export function tileUrl(template: string, spot: Pick<TileSpot, 'zoom' | 'x' | 'y'>): string {
  return template
    .replaceAll('{z}', String(spot.zoom))
    .replaceAll('{x}', String(spot.x))
    .replaceAll('{y}', String(spot.y))
}

/** Initials for a person without a photo: "Tom Baker" → "TB", "Cher" → "C". */
export function initialsOf(fullName: string | null | undefined): string {
  const words = (fullName ?? '').trim().split(/\s+/).filter(Boolean)
  const first = words[0]?.[0] ?? ''
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : ''
  return (first + last).toUpperCase()
}
