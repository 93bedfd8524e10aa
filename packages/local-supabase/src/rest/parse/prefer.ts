import { RestError } from '../errors.ts'

export interface Preferences {
  return: 'minimal' | 'headers-only' | 'representation' | null
  count: 'exact' | 'planned' | 'estimated' | null
  resolution: 'merge-duplicates' | 'ignore-duplicates' | null
  missing: 'default' | 'null' | null
  tx: 'commit' | 'rollback' | null
  handling: 'strict' | 'lenient' | null
  maxAffected: number | null
  paramsSingleObject: boolean
  /** The preferences honoured, for `Preference-Applied`. */
  applied: string[]
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

/** Parses `Prefer` (several headers or comma-separated); unknown ones are ignored unless `handling=strict`. */
export function parsePrefer(header: string | string[] | undefined): Preferences {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '')
  const prefs: Preferences = {
    return: null,
    count: null,
    resolution: null,
    missing: null,
    tx: null,
    handling: null,
    maxAffected: null,
    paramsSingleObject: false,
    applied: [],
  }
  const invalid: string[] = []
  for (const part of raw.split(',')) {
    const token = part.trim()
    if (token === '') continue
    const eq = token.indexOf('=')
    const key = eq === -1 ? token : token.slice(0, eq).trim()
    const value = eq === -1 ? '' : token.slice(eq + 1).trim()
    if (key === 'max-affected') {
      if (/^[0-9]{1,15}$/.test(value)) prefs.maxAffected = Number(value)
      else invalid.push(token)
      continue
    }
    const options = allowed[key]
    if (!options?.includes(value)) {
      invalid.push(token)
      continue
    }
    if (key === 'params') prefs.paramsSingleObject = true
    else (prefs as unknown as Record<string, string>)[key] = value
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
