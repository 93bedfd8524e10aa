import { storageErrors } from './errors.ts'

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  tb: 1000 ** 4,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
}

/**
 * `50MiB`, `20MB`, `30KB`, `3B` or a plain number of bytes: how the Supabase CLI's
 * `[storage] file_size_limit` and a bucket's `fileSizeLimit` are written. Null when unreadable.
 */
export function parseByteSize(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null
  if (typeof value !== 'string') return null
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value)
  if (!match) return null
  const unit = UNITS[(match[2] || 'b').toLowerCase()]
  if (unit === undefined) return null
  const bytes = Math.floor(Number(match[1]) * unit)
  return Number.isSafeInteger(bytes) ? bytes : null
}

/** A bucket's `file_size_limit` from a request body: null clears it. */
export function bucketSizeLimit(value: unknown): number | null {
  if (value === null || value === undefined) return null
  const bytes = parseByteSize(value)
  if (bytes === null) throw storageErrors.invalidFileSizeLimit()
  return bytes
}

/** A bucket's `allowed_mime_types`: `type/subtype` or `type/*` entries, or null for any. */
export function allowedMimeTypes(value: unknown): string[] | null {
  if (value === null || value === undefined) return null
  if (
    !Array.isArray(value) ||
    !value.every((v) => typeof v === 'string' && /^[\w.+-]+\/([\w.+-]+|\*)$/.test(v))
  ) {
    throw storageErrors.badRequest(
      'body/allowed_mime_types must be an array of MIME types such as image/png or image/*',
    )
  }
  return value as string[]
}

/** Storage's `validateMimeType`: `type/subtype` matches itself and `type/*` (parameters ignored). */
export function checkMimeType(mimeType: string, allowed: string[] | null): void {
  if (!allowed || allowed.length === 0) return
  const [type, subtype] = (mimeType.split(';')[0] ?? '').trim().toLowerCase().split('/')
  if (!type || !subtype) throw storageErrors.invalidMimeType(mimeType)
  for (const entry of allowed) {
    const [allowedType, allowedSubtype] = entry.toLowerCase().split('/')
    if (allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype)) return
  }
  throw storageErrors.invalidMimeType(mimeType)
}
