import { Cursor, type FieldPath } from './field.ts'

export const AGGREGATES = ['count', 'sum', 'avg', 'max', 'min'] as const
export type AggregateName = (typeof AGGREGATES)[number]

export type SelectItem =
  | { kind: 'star' }
  | {
      kind: 'field'
      alias: string | null
      field: FieldPath
      cast: string | null
      aggregate: AggregateName | null
      aggregateCast: string | null
    }
  /** `count()` on its own: the number of rows (per group). */
  | { kind: 'count'; alias: string | null; cast: string | null }
  | {
      kind: 'embed'
      alias: string | null
      name: string
      hint: string | null
      joinType: 'inner' | 'left' | null
      spread: boolean
      items: SelectItem[]
    }

const CAST = /^[A-Za-z_][A-Za-z0-9_ ]*(\[\])?$/

function castType(cursor: Cursor): string {
  const start = cursor.pos
  while (!cursor.done && /[A-Za-z0-9_[\]]/.test(cursor.peek())) cursor.pos += 1
  const type = cursor.input.slice(start, cursor.pos)
  if (!CAST.test(type)) cursor.fail('a type name')
  return type
}

function aggregate(cursor: Cursor): AggregateName | null {
  for (const name of AGGREGATES) {
    if (cursor.input.startsWith(`.${name}()`, cursor.pos)) {
      cursor.pos += name.length + 3
      return name
    }
  }
  return null
}

function item(cursor: Cursor, depth: number): SelectItem {
  if (cursor.eat('*')) return { kind: 'star' }
  const spread = cursor.eat('...')
  if (!spread && cursor.input.startsWith('count()', cursor.pos)) {
    cursor.pos += 'count()'.length
    return { kind: 'count', alias: null, cast: cursor.eat('::') ? castType(cursor) : null }
  }
  let alias: string | null = null
  let name = cursor.name()
  // `alias:name`, but not `name::cast`.
  if (cursor.peek() === ':' && cursor.peek(2) !== '::') {
    cursor.pos += 1
    alias = name
    if (!spread && cursor.input.startsWith('count()', cursor.pos)) {
      cursor.pos += 'count()'.length
      return { kind: 'count', alias, cast: cursor.eat('::') ? castType(cursor) : null }
    }
    name = cursor.name()
  }
  if (spread || cursor.peek() === '!' || cursor.peek() === '(') {
    let hint: string | null = null
    let joinType: 'inner' | 'left' | null = null
    while (cursor.eat('!')) {
      const word = cursor.name()
      if (word === 'inner' || word === 'left') joinType = word
      else if (hint === null) hint = word
      else cursor.fail('"inner" or "left"')
    }
    cursor.expect('(')
    const items = cursor.peek() === ')' ? [] : list(cursor, depth + 1)
    cursor.expect(')')
    return { kind: 'embed', alias, name, hint, joinType, spread, items }
  }
  const field = continueField(cursor, name)
  const cast = cursor.eat('::') ? castType(cursor) : null
  const agg = aggregate(cursor)
  const aggregateCast = agg && cursor.eat('::') ? castType(cursor) : null
  return { kind: 'field', alias, field, cast, aggregate: agg, aggregateCast }
}

function continueField(cursor: Cursor, column: string): FieldPath {
  const jsonPath: FieldPath['jsonPath'] = []
  for (;;) {
    if (cursor.eat('->>')) jsonPath.push({ arrow: '->>', key: cursor.jsonKey() })
    else if (cursor.peek(2) === '->') {
      cursor.pos += 2
      jsonPath.push({ arrow: '->', key: cursor.jsonKey() })
    } else break
  }
  return { column, jsonPath }
}

function list(cursor: Cursor, depth: number): SelectItem[] {
  if (depth > 16) cursor.fail('less nesting')
  const items = [item(cursor, depth)]
  while (cursor.eat(',')) items.push(item(cursor, depth))
  return items
}

/** Parses PostgREST's `select=` grammar (whitespace outside quotes is ignored, as supabase-js strips it). */
export function parseSelect(raw: string | null): SelectItem[] {
  if (raw === null || raw.trim() === '') return [{ kind: 'star' }]
  let quoted = false
  const input = [...raw]
    .filter((ch) => {
      if (ch === '"') quoted = !quoted
      return quoted || !/\s/.test(ch)
    })
    .join('')
  const cursor = new Cursor(input, 'select parameter')
  const items = list(cursor, 0)
  if (!cursor.done) cursor.fail('",", "(" or end of input')
  return items
}
