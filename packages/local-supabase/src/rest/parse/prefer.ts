import { RestError } from '../errors.ts'

export interface Preferences {
  return: 'minimal' | 'headers-only' | 'representation' | null
  count: 'exact' | 'planned' | 'estimated' | null
  resolution: 'merge-duplicates' | 'ignore-duplicates' | null
  missing: 'default' | 'null' | null
  tx: 'commit' | 'rollback' | null
  handling: 'strict' | 'lenient' | null
  /** A time zone PostgreSQL knows (`pg_timezone_names`); others are ignored, as PostgREST does. */
  timezone: string | null
  maxAffected: number | null
  paramsSingleObject: boolean
}

const allowed: Record<string, readonly string[]> = {
  return: ['minimal', 'headers-only', 'representation'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  tx: ['commit', 'rollback'],
  handling: ['strict', 'lenient'],
  params: ['single-object'],
}

/**
 * Parses `Prefer` (several headers or comma-separated). The first value of a preference wins;
 * unknown ones, and time zones PostgreSQL does not know, are ignored unless `handling=strict`.
 */
export function parsePrefer(
  header: string | string[] | undefined,
  timezones: ReadonlySet<string>,
): Preferences {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '')
  const prefs: Preferences = {
    return: null,
    count: null,
    resolution: null,
    missing: null,
    tx: null,
    handling: null,
    timezone: null,
    maxAffected: null,
    paramsSingleObject: false,
  }
  const invalid: string[] = []
  const set = prefs as unknown as Record<string, string | null>
  for (const part of raw.split(',')) {
    const token = part.trim()
    if (token === '') continue
    const eq = token.indexOf('=')
    const key = eq === -1 ? token : token.slice(0, eq).trim()
    const value = eq === -1 ? '' : token.slice(eq + 1).trim()
    if (key === 'max-affected') {
      if (/^[0-9]{1,15}$/.test(value)) prefs.maxAffected ??= Number(value)
      else invalid.push(token)
      continue
    }
    if (key === 'timezone') {
      if (timezones.has(value)) prefs.timezone ??= value
      else invalid.push(token)
      continue
    }
    const options = allowed[key]
    if (!options?.includes(value)) {
      invalid.push(token)
      continue
    }
    if (key === 'params') prefs.paramsSingleObject = true
    else if (set[key] === null) set[key] = value
  }
  if (prefs.handling === 'strict' && invalid.length) {
    throw new RestError(
      400,
      'PGRST122',
      'Invalid preferences given with handling=strict',
      `Invalid preferences: ${invalid.join(', ')}`,
    )
  }
  return prefs
}

type Applicable = 'resolution' | 'missing' | 'return' | 'count' | 'maxAffected'

/**
 * `Preference-Applied` in PostgREST's order: resolution, missing, return, count, tx, handling,
 * timezone, max-affected (only with handling=strict). `honoured` names the ones this kind of
 * request uses; tx, handling and timezone apply to every request.
 */
export function preferenceApplied(
  prefs: Preferences,
  honoured: readonly Applicable[],
): Record<string, string> {
  const uses = (name: Applicable) => honoured.includes(name)
  const values = [
    uses('resolution') && prefs.resolution ? `resolution=${prefs.resolution}` : null,
    uses('missing') && prefs.missing ? `missing=${prefs.missing}` : null,
    uses('return') && prefs.return ? `return=${prefs.return}` : null,
    uses('count') && prefs.count ? `count=${prefs.count}` : null,
    prefs.tx ? `tx=${prefs.tx}` : null,
    prefs.handling ? `handling=${prefs.handling}` : null,
    prefs.timezone ? `timezone=${prefs.timezone}` : null,
    uses('maxAffected') && prefs.handling === 'strict' && prefs.maxAffected !== null
      ? `max-affected=${prefs.maxAffected}`
      : null,
  ].filter((v): v is string => v !== null)
  return values.length ? { 'preference-applied': values.join(', ') } : {}
}
