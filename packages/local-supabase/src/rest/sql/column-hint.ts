import { editDistance } from '../context.ts'

/** PostgreSQL gives no suggestion further than this many edits (MAX_FUZZY_DISTANCE). */
const MAX_DISTANCE = 3

/**
 * PostgreSQL's hint for an unknown column of one relation (parse_relation.c): the nearest column,
 * or the two nearest when they tie, within 3 edits and never more than half the typed name; a
 * third tie means no hint at all.
 */
export function missingColumnHint(
  label: string,
  column: string,
  candidates: Iterable<string>,
): string | null {
  let best = MAX_DISTANCE + 1
  let first: string | null = null
  let second: string | null = null
  for (const candidate of candidates) {
    const distance = editDistance(candidate, column)
    if (distance > Math.floor(column.length / 2)) continue
    if (distance < best) {
      best = distance
      first = candidate
      second = null
    } else if (distance === best) {
      if (second !== null) {
        first = null
        second = null
      } else if (first !== null) second = candidate
    }
  }
  if (first === null) return null
  const named = (name: string) => `the column "${label}.${name}"`
  return second === null
    ? `Perhaps you meant to reference ${named(first)}.`
    : `Perhaps you meant to reference ${named(first)} or ${named(second)}.`
}
