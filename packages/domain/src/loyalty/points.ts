// Points are whole numbers; en-US grouping everywhere so server and browser agree.
const count = /*#__PURE__*/ new Intl.NumberFormat('en-US')

/** `1500` -> `1,500`. */
export function formatPointCount(points: number): string {
  return count.format(points)
}

/** `1,500 points`, `1 point`, `−20 points` (a real minus sign). */
export function formatPoints(points: number): string {
  const n = count.format(Math.abs(points))
  return `${points < 0 ? '−' : ''}${n} ${Math.abs(points) === 1 ? 'point' : 'points'}`
}
