import { RestError } from './errors.ts'

export type PlanOption = 'analyze' | 'verbose' | 'settings' | 'buffers' | 'wal'

/** `application/vnd.pgrst.plan+json|text`: the EXPLAIN of the request's statement instead of its rows. */
export interface PlanChoice {
  format: 'json' | 'text'
  options: PlanOption[]
}

export interface MediaChoice {
  kind: 'array' | 'object' | 'csv'
  stripNulls: boolean
  /** Set when the caller asked for the execution plan of a request answered as `kind`. */
  plan?: PlanChoice
}

const PLAN_OPTIONS: readonly PlanOption[] = ['analyze', 'verbose', 'settings', 'buffers', 'wal']

interface AcceptEntry {
  type: string
  params: string[]
}

function acceptEntries(accept: string): AcceptEntry[] {
  return accept
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim())
      return { type: type.toLowerCase(), params: params.filter(Boolean) }
    })
    .filter((entry) => entry.type !== '')
}

const param = (entry: AcceptEntry, name: string): string | undefined =>
  entry.params
    .find((p) => p.startsWith(`${name}=`))
    ?.slice(name.length + 1)
    .replace(/^"|"$/g, '')

/** The plain (non-plan) media types this API answers with. */
function plainMedia(type: string, params: string[]): MediaChoice | null {
  const stripNulls = params.some((p) => p.replace(/\s/g, '') === 'nulls=stripped')
  if (type === 'application/vnd.pgrst.object+json' || type === 'application/vnd.pgrst.object') {
    return { kind: 'object', stripNulls }
  }
  if (type === 'application/vnd.pgrst.array+json' || type === 'application/vnd.pgrst.array') {
    return { kind: 'array', stripNulls }
  }
  if (type === 'application/json' || type === 'application/*' || type === '*/*') {
    return { kind: 'array', stripNulls: false }
  }
  if (type === 'text/csv') return { kind: 'csv', stripNulls: false }
  return null
}

function planEntry(entry: AcceptEntry): { format: PlanChoice['format'] } | null {
  if (
    entry.type === 'application/vnd.pgrst.plan' ||
    entry.type === 'application/vnd.pgrst.plan+text'
  )
    return { format: 'text' }
  if (entry.type === 'application/vnd.pgrst.plan+json') return { format: 'json' }
  return null
}

function planFor(entry: AcceptEntry, format: PlanChoice['format']): MediaChoice | null {
  const target = (param(entry, 'for') ?? 'application/json').toLowerCase()
  const [type = '', ...params] = target.split(';').map((s) => s.trim())
  const media = plainMedia(type, params)
  if (!media) return null
  const requested = (param(entry, 'options') ?? '').split('|')
  const options = PLAN_OPTIONS.filter((o) => requested.includes(o))
  return { ...media, plan: { format, options } }
}

/** How PostgREST names an `Accept` entry in its 406 message. */
function mimeOf(entry: AcceptEntry): string {
  const plan = planEntry(entry)
  if (plan) {
    const options = PLAN_OPTIONS.filter((o) =>
      (param(entry, 'options') ?? '').split('|').includes(o),
    )
    const target = param(entry, 'for') ?? 'application/json'
    return `application/vnd.pgrst.plan+${plan.format}; for="${target}"${options.length ? `; options=${options.join('|')}` : ''}`
  }
  const media = plainMedia(entry.type, entry.params)
  if (media?.kind === 'object')
    return `application/vnd.pgrst.object+json${media.stripNulls ? ';nulls=stripped' : ''}`
  if (media?.kind === 'array' && media.stripNulls)
    return 'application/vnd.pgrst.array+json;nulls=stripped'
  if (
    entry.type === 'application/vnd.pgrst.array+json' ||
    entry.type === 'application/vnd.pgrst.array'
  )
    return 'application/json'
  return entry.type
}

/**
 * Picks the response media type from `Accept` (the first entry this API can answer), as PostgREST
 * negotiates it. Execution plans are only offered when `pgrst.db_plan_enabled` is on.
 */
export function negotiate(accept: string | undefined, planEnabled: boolean): MediaChoice {
  if (!accept || accept.trim() === '') return { kind: 'array', stripNulls: false }
  const entries = acceptEntries(accept)
  for (const entry of entries) {
    const plan = planEntry(entry)
    const media = plan
      ? planEnabled
        ? planFor(entry, plan.format)
        : null
      : plainMedia(entry.type, entry.params)
    if (media) return media
  }
  throw new RestError(
    406,
    'PGRST107',
    `None of these media types are available: ${entries.map(mimeOf).join(', ')}`,
  )
}

/** The root answers its OpenAPI document as `application/openapi+json` or `application/json`. */
export function negotiateOpenApi(accept: string | undefined): void {
  if (!accept || accept.trim() === '') return
  const entries = acceptEntries(accept)
  const ok = ['application/openapi+json', 'application/json', 'application/*', '*/*']
  if (entries.some((e) => ok.includes(e.type))) return
  throw new RestError(
    406,
    'PGRST107',
    `None of these media types are available: ${entries.map(mimeOf).join(', ')}`,
  )
}

/** `EXPLAIN (...)` for a plan request, options in PostgREST's order. */
export function explainPrefix(plan: PlanChoice): string {
  const options = [`format ${plan.format}`, ...plan.options]
  return `explain (${options.join(', ')}) `
}

function mediaMime(choice: MediaChoice): string {
  if (choice.kind === 'csv') return 'text/csv'
  if (choice.kind === 'object')
    return `application/vnd.pgrst.object+json${choice.stripNulls ? ';nulls=stripped' : ''}`
  return choice.stripNulls ? 'application/vnd.pgrst.array+json;nulls=stripped' : 'application/json'
}

export function contentType(choice: MediaChoice): string {
  if (choice.plan) {
    const { format, options } = choice.plan
    const opts = options.length ? `; options=${options.join('|')}` : ''
    return `application/vnd.pgrst.plan+${format}; for="${mediaMime(choice)}"${opts}; charset=utf-8`
  }
  return `${mediaMime(choice)}; charset=utf-8`
}

/** `Content-Range: first-last/total` (`*` for unknown parts), as PostgREST writes it. */
export function contentRange(offset: number, rows: number, total: number | null): string {
  const upper = offset + rows - 1
  const totalText = total === null ? '*' : String(total)
  if (rows === 0 || (total !== null && total === 0) || offset > upper) return `*/${totalText}`
  return `${offset}-${upper}/${totalText}`
}

export function singleObjectError(rows: number): RestError {
  return new RestError(
    406,
    'PGRST116',
    'Cannot coerce the result to a single JSON object',
    `The result contains ${rows} rows`,
  )
}
