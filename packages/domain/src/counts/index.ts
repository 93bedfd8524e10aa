// Whole-number counts as people read them: en-US grouping everywhere, so server and browser agree.
const grouping = /*#__PURE__*/ new Intl.NumberFormat('en-US')

/** `1500` -> `1,500`. */
export function formatCount(n: number): string {
  return grouping.format(n)
}

/** `1 row`, `1,500 rows`. */
export function countOf(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}
