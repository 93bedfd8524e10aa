// Nesting limits for JSON that clients send. V8 parses deep JSON, but slowly (a megabyte of `[`
// takes seconds) and everything recursive afterwards (JSON.stringify, structuredClone) overflows
// the stack, so nesting is bounded on the raw text, before parsing.

const OPEN_OBJECT = 0x7b // {
const OPEN_ARRAY = 0x5b // [
const CLOSE_OBJECT = 0x7d // }
const CLOSE_ARRAY = 0x5d // ]
const QUOTE = 0x22 // "
const BACKSLASH = 0x5c // \

export interface DepthLimited {
  /** The text with every value nested deeper than the limit replaced by `null`. */
  text: string
  /** Whether anything was replaced. */
  tooDeep: boolean
}

/**
 * Replaces each object or array that would sit deeper than `maxDepth` levels with `null`, in one
 * pass over the text, so the rest of a well-formed document (a frame's ref and topic, say) can
 * still be parsed and answered. Text that is not JSON stays not JSON.
 */
export function limitJsonDepth(text: string, maxDepth: number): DepthLimited {
  // Fewer opening brackets than the limit cannot exceed it.
  if (text.length <= maxDepth) return { text, tooDeep: false }
  let depth = 0
  let inString = false
  let copiedUpTo = 0
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i += 1
      else if (c === QUOTE) inString = false
      i += 1
      continue
    }
    if (c === QUOTE) inString = true
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === maxDepth) {
        const end = endOfValue(text, i)
        out += `${text.slice(copiedUpTo, i)}null`
        copiedUpTo = end
        i = end
        continue
      }
      depth += 1
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth -= 1
    i += 1
  }
  if (copiedUpTo === 0) return { text, tooDeep: false }
  return { text: out + text.slice(copiedUpTo), tooDeep: true }
}

/** The index just past the object or array that opens at `start` (or the end of the text). */
function endOfValue(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i += 1
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth += 1
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth -= 1
      if (depth === 0) return i + 1
    }
  }
  return text.length
}
