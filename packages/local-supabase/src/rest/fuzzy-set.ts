/**
 * Fuzzy string matching as PostgREST's hints do it (the `fuzzyset` library: cosine similarity of
 * 3-grams, then 2-grams, rescored by normalised Levenshtein distance), so a "Perhaps you meant …"
 * hint names the same candidate PostgREST would.
 */

const GRAM_SIZES = [3, 2]
/** Candidates rescored with Levenshtein distance after the n-gram pass. */
const RESCORED = 50

function normalized(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s,]/gu, '')
}

function gramVector(text: string, size: number): Map<string, number> {
  const padded = `-${normalized(text)}-`
  const counts = new Map<string, number>()
  for (let i = 0; i + size <= padded.length; i++) {
    const gram = padded.slice(i, i + size)
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  return counts
}

function magnitude(vector: Map<string, number>): number {
  let sum = 0
  for (const count of vector.values()) sum += count * count
  return Math.sqrt(sum)
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number
      row[j] = Math.min(
        above + 1,
        (row[j - 1] as number) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      diagonal = above
    }
  }
  return row[b.length] as number
}

/** 1 for equal strings, 0 for nothing in common. */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest
}

/** The best candidate scoring at least `minScore`, or null. */
export function closestMatch(
  query: string,
  candidates: Iterable<string>,
  minScore: number,
): string | null {
  const entries = new Map<string, string>()
  for (const candidate of candidates) {
    const key = candidate.toLowerCase()
    if (!entries.has(key)) entries.set(key, candidate)
  }
  const key = query.toLowerCase()
  const exact = entries.get(key)
  if (exact !== undefined) return exact
  for (const size of GRAM_SIZES) {
    const queryVector = gramVector(key, size)
    const queryMagnitude = magnitude(queryVector)
    const scored: Array<[number, string]> = []
    for (const entry of entries.keys()) {
      const vector = gramVector(entry, size)
      let dot = 0
      for (const [gram, count] of queryVector) dot += count * (vector.get(gram) ?? 0)
      if (dot > 0) scored.push([dot / (queryMagnitude * magnitude(vector)), entry])
    }
    scored.sort((a, b) => b[0] - a[0])
    const rescored = scored
      .slice(0, RESCORED)
      .map(([, entry]): [number, string] => [similarity(key, entry), entry])
      .sort((a, b) => b[0] - a[0])
      .filter(([score]) => score >= minScore)
    const best = rescored[0]
    if (best) return entries.get(best[1]) ?? null
  }
  return null
}
