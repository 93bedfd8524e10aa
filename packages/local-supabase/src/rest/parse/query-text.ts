import { parseError } from '../errors.ts'

// A `%` that starts no escape is a literal character, as URLSearchParams reads it.
const STRAY_PERCENT = /%(?![0-9A-Fa-f]{2})/g

function parameterName(part: string): string {
  const [name = ''] = new URLSearchParams(part).keys()
  return JSON.stringify(name)
}

/**
 * Refuses a query string whose escapes are not UTF-8 (URLSearchParams would silently read them as
 * U+FFFD) or that holds a NUL, which PostgreSQL text cannot hold and which would cut SQL text short.
 */
export function checkQueryText(search: string): void {
  // Without escapes there is no NUL and nothing but UTF-8: the URL parser escapes everything else.
  if (!search.includes('%')) return
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part.includes('%')) continue
    let text: string
    try {
      text = decodeURIComponent(part.replace(/\+/g, ' ').replace(STRAY_PERCENT, '%25'))
    } catch {
      throw parseError(
        'The query string is not valid UTF-8',
        `The percent-escapes of the parameter ${parameterName(part)} do not form UTF-8 characters`,
      )
    }
    if (text.includes('\0')) {
      throw parseError(
        'The query string has a NUL character (%00)',
        `Found in the parameter ${parameterName(part)}; PostgreSQL text cannot hold NUL characters`,
      )
    }
  }
}
