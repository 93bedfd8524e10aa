// Points are whole numbers, grouped like every other count.
import { formatCount } from '../counts/index.ts'

/** `1500` -> `1,500`. */
export function formatPointCount(points: number): string {
  return formatCount(points)
}

/** `1,500 points`, `1 point`, `−20 points` (a real minus sign). */
export function formatPoints(points: number): string {
  const n = formatCount(Math.abs(points))
  return `${points < 0 ? '−' : ''}${n} ${Math.abs(points) === 1 ? 'point' : 'points'}`
}
