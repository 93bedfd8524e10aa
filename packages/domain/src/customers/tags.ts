// Customer tags ("VIP", "Rental owner"): short labels the office filters and reads at a glance.
// The database checks the same limits (private.tags_are_valid): at most 20, 1–40 characters
// each, no blanks around them, no two alike ignoring case.

export const MAX_TAGS = 20
export const MAX_TAG_CHARS = 40

/** A tag as typed, tidied: inner runs of spaces become one, ends trimmed. */
export function normalizeTag(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** What is wrong with one more tag on this list, or null when it may be added. */
export function tagProblem(tags: readonly string[], text: string): string | null {
  const tag = normalizeTag(text)
  if (tag === '') return 'Type a tag first'
  if (tag.length > MAX_TAG_CHARS) return `A tag is at most ${MAX_TAG_CHARS} characters`
  if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return `“${tag}” is already a tag`
  if (tags.length >= MAX_TAGS) return `At most ${MAX_TAGS} tags`
  return null
}

/** The list with `text` added (tidied), or the reason it cannot be. */
export function addTag(
  tags: readonly string[],
  text: string,
): { tags: string[] } | { error: string } {
  const error = tagProblem(tags, text)
  return error ? { error } : { tags: [...tags, normalizeTag(text)] }
}

/** What is wrong with a whole list (as saved), or null. */
export function tagsProblem(tags: readonly string[]): string | null {
  const kept: string[] = []
  for (const tag of tags) {
    const error = tagProblem(kept, tag)
    if (error) return error
    kept.push(normalizeTag(tag))
  }
  return null
}

/**
 * `existing` plus those of `added` it lacks (ignoring case; the existing spelling wins), up to the
 * limit: what merging a typed-in customer into an existing one does to the tags.
 */
export function mergeTags(existing: readonly string[], added: readonly string[]): string[] {
  const result = [...existing]
  for (const text of added) {
    if (result.length >= MAX_TAGS) break
    if (tagProblem(result, text) === null) result.push(normalizeTag(text))
  }
  return result
}
