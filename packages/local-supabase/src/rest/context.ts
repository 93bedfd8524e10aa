import type { IncomingMessage } from 'node:http'
import type pg from 'pg'
import type { StackConfig } from '../config.ts'
import type { RequestAuth } from './auth.ts'
import { RestError } from './errors.ts'
import type { Preferences } from './parse/prefer.ts'
import type { MediaChoice } from './response.ts'
import { type RelationInfo, relationKey, type SchemaCache } from './schema-cache.ts'
import type { RequestSettings } from './transaction.ts'

/** Everything one REST request needs once its headers are understood. */
export interface RestRequest {
  req: IncomingMessage
  url: URL
  method: string
  path: string
  cache: SchemaCache
  auth: RequestAuth
  prefs: Preferences
  schema: string
  media: MediaChoice
  config: StackConfig
  pool: pg.Pool
  /** A PUT being answered as a one-row upsert (200/204 rather than 201). */
  singleRowPut?: boolean
}

/** What a handler answers; index.ts writes it out. */
export interface RestResponse {
  status: number
  /** The status line's reason phrase, when not the standard one. */
  statusText?: string
  headers: Record<string, string>
  body: string
}

export function settingsFor(r: RestRequest, readOnly: boolean): RequestSettings {
  return {
    readOnly,
    auth: r.auth,
    schema: r.schema,
    method: r.method,
    path: r.path,
    req: r.req,
    statementTimeoutMs: r.config.statementTimeoutMs,
    timezone: r.prefs.timezone,
  }
}

/** Levenshtein distance (insert, delete and substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      prev = tmp
    }
  }
  return row[b.length] as number
}

/** The closest name, for "Perhaps you meant …" hints. */
export function closest(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null
  let bestScore = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const score = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (score < bestScore) {
      best = candidate
      bestScore = score
    }
  }
  return best !== null && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : null
}

export function findRelation(cache: SchemaCache, schema: string, name: string): RelationInfo {
  const relation = cache.relations.get(relationKey(schema, name))
  if (relation) return relation
  const names = [...cache.relations.values()].filter((r) => r.schema === schema).map((r) => r.name)
  const guess = closest(name, names)
  throw new RestError(
    404,
    'PGRST205',
    `Could not find the table '${schema}.${name}' in the schema cache`,
    null,
    guess ? `Perhaps you meant the table '${schema}.${guess}'` : null,
  )
}
