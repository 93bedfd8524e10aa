// Turns pgoutput's text values into the JSON values Supabase Realtime sends (what to_jsonb gives),
// so the client's `convertChangeData` sees the same input as on hosted Supabase.

const NUMERIC_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid'])

export function isNumericType(type: string): boolean {
  return NUMERIC_TYPES.has(type)
}

/** `2024-01-02 03:04:05.6+00` -> `2024-01-02T03:04:05.6+00:00`, as to_jsonb prints timestamptz. */
function isoTimestamp(text: string): string {
  const withT = text.replace(' ', 'T')
  return withT.replace(
    /([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/,
    (_m, h: string, m?: string, s?: string) => `${h}:${m ?? '00'}${s ? `:${s}` : ''}`,
  )
}

/** A one-dimensional array literal (`{a,"b c",NULL}`) as its elements; null when nested or malformed. */
function parseArrayLiteral(text: string): Array<string | null> | null {
  if (!text.startsWith('{') || !text.endsWith('}')) return null
  const body = text.slice(1, -1)
  const items: Array<string | null> = []
  if (body === '') return items
  let i = 0
  while (i <= body.length) {
    if (body[i] === '{') return null
    if (body[i] === '"') {
      let value = ''
      i += 1
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i += 1
        value += body[i] ?? ''
        i += 1
      }
      items.push(value)
      i += 1
    } else {
      let end = body.indexOf(',', i)
      if (end === -1) end = body.length
      const raw = body.slice(i, end).trim()
      items.push(raw === 'NULL' ? null : raw)
      i = end
    }
    if (i < body.length && body[i] !== ',') return null
    i += 1
  }
  return items
}

export function textToJson(type: string, text: string | null): unknown {
  if (text === null || text === undefined) return null
  if (type.startsWith('_')) {
    const items = parseArrayLiteral(text)
    return items ? items.map((item) => textToJson(type.slice(1), item)) : text
  }
  if (NUMERIC_TYPES.has(type)) {
    const n = Number(text)
    return Number.isFinite(n) ? n : text
  }
  switch (type) {
    case 'bool':
      return text === 't' || text === 'true'
    case 'json':
    case 'jsonb':
      try {
        return JSON.parse(text)
      } catch {
        return text
      }
    case 'timestamptz':
      return isoTimestamp(text)
    case 'timestamp':
      return text.replace(' ', 'T')
    default:
      return text
  }
}
