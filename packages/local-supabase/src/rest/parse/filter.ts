import { parseError } from '../errors.ts'
import { Cursor, type FieldPath } from './field.ts'

export const OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'match',
  'imatch',
  'in',
  'is',
  'isdistinct',
  'fts',
  'plfts',
  'phfts',
  'wfts',
  'cs',
  'cd',
  'ov',
  'sl',
  'sr',
  'nxr',
  'nxl',
  'adj',
] as const
export type Operator = (typeof OPERATORS)[number]

const MODIFIABLE = new Set<Operator>([
  'eq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'match',
  'imatch',
])
const FTS = new Set<Operator>(['fts', 'plfts', 'phfts', 'wfts'])
export const IS_VALUES = ['null', 'not_null', 'true', 'false', 'unknown'] as const

/** Most values one `in.(…)` list may carry: far above real use, small enough to stay cheap. */
export const MAX_IN_VALUES = 10_000

export interface Condition {
  kind: 'condition'
  field: FieldPath
  negate: boolean
  op: Operator
  modifier: 'any' | 'all' | null
  language: string | null
  /** Scalar operand, or the list of `in.(…)`. */
  value: string | string[]
}

export interface LogicTree {
  kind: 'logic'
  op: 'and' | 'or'
  negate: boolean
  children: FilterNode[]
}

export type FilterNode = Condition | LogicTree

function splitList(raw: string, what: string): string[] {
  // `(a,"b,c",d)`: quoted items may hold commas and `\"` / `\\` escapes.
  const items: string[] = []
  let i = 0
  if (raw.trim() === '') return items
  while (i <= raw.length) {
    if (raw[i] === '"') {
      let out = ''
      i += 1
      while (i < raw.length && raw[i] !== '"') {
        if (raw[i] === '\\' && i + 1 < raw.length) i += 1
        out += raw[i]
        i += 1
      }
      if (raw[i] !== '"')
        throw parseError(`failed to parse ${what}`, 'unterminated quoted value in list')
      i += 1
      items.push(out)
      if (i < raw.length && raw[i] !== ',')
        throw parseError(`failed to parse ${what}`, 'expected "," after a quoted value')
      i += 1
    } else {
      const end = raw.indexOf(',', i)
      const stop = end === -1 ? raw.length : end
      items.push(raw.slice(i, stop))
      i = stop + 1
    }
    if (items.length > MAX_IN_VALUES) {
      throw parseError(`failed to parse ${what}`, `a list may hold at most ${MAX_IN_VALUES} values`)
    }
  }
  return items
}

/** Parses `[not.]op[(any|all)|(lang)].value` for one field. */
export function parseCondition(field: FieldPath, raw: string, what: string): Condition {
  let rest = raw
  let negate = false
  if (rest.startsWith('not.')) {
    negate = true
    rest = rest.slice(4)
  }
  const match = /^([a-z]+)(?:\(([^)]*)\))?\.([\s\S]*)$/.exec(rest)
  if (!match) {
    throw parseError(
      `failed to parse filter (${raw})`,
      `expected an operator such as eq., in. or is. (${what})`,
    )
  }
  const [, opText = '', paren, value = ''] = match
  if (!(OPERATORS as readonly string[]).includes(opText)) {
    throw parseError(`failed to parse filter (${raw})`, `unknown operator "${opText}" (${what})`)
  }
  const op = opText as Operator
  let modifier: Condition['modifier'] = null
  let language: string | null = null
  if (paren !== undefined) {
    if (FTS.has(op)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(paren)) {
        throw parseError(
          `failed to parse filter (${raw})`,
          'a text search configuration must be a plain name',
        )
      }
      language = paren
    } else if ((paren === 'any' || paren === 'all') && MODIFIABLE.has(op)) {
      modifier = paren
    } else {
      throw parseError(`failed to parse filter (${raw})`, `"${op}" does not take "(${paren})"`)
    }
  }
  if (op === 'in') {
    if (!value.startsWith('(') || !value.endsWith(')')) {
      throw parseError(
        `failed to parse filter (${raw})`,
        'in. expects a list in parentheses: in.(a,b,c)',
      )
    }
    return {
      kind: 'condition',
      field,
      negate,
      op,
      modifier,
      language,
      value: splitList(value.slice(1, -1), `filter (${raw})`),
    }
  }
  if (op === 'is' && !(IS_VALUES as readonly string[]).includes(value.toLowerCase())) {
    throw parseError(
      `failed to parse filter (${raw})`,
      `is. expects one of ${IS_VALUES.join(', ')}, got "${value}"`,
    )
  }
  if (modifier && !(value.startsWith('{') && value.endsWith('}'))) {
    throw parseError(
      `failed to parse filter (${raw})`,
      `(${modifier}) expects a list in braces: {a,b}`,
    )
  }
  return {
    kind: 'condition',
    field,
    negate,
    op,
    modifier,
    language,
    value: op === 'is' ? value.toLowerCase() : value,
  }
}

/** Reads one logic-tree value: up to the next top-level `,` or `)`, honouring quotes and parentheses. */
function logicValue(cursor: Cursor): string {
  const start = cursor.pos
  let depth = 0
  let quoted = false
  while (!cursor.done) {
    const ch = cursor.peek()
    if (quoted) {
      if (ch === '\\') cursor.pos += 1
      else if (ch === '"') quoted = false
    } else if (ch === '"') quoted = true
    else if (ch === '(' || ch === '{') depth += 1
    else if (ch === ')' || ch === '}') {
      if (depth === 0) break
      depth -= 1
    } else if (ch === ',' && depth === 0) break
    cursor.pos += 1
  }
  if (quoted) cursor.fail("closing '\"'")
  return cursor.input.slice(start, cursor.pos)
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1')
  }
  return value
}

function logicChildren(cursor: Cursor, depth: number): FilterNode[] {
  if (depth > 32) cursor.fail('less nesting')
  cursor.expect('(')
  const children: FilterNode[] = []
  for (;;) {
    const negate = cursor.eat('not.')
    const nested = /^(and|or)\(/.exec(cursor.input.slice(cursor.pos))
    if (nested) {
      const op = nested[1] as 'and' | 'or'
      cursor.pos += op.length
      children.push({
        kind: 'logic',
        op,
        negate,
        children: logicChildren(cursor, depth + 1),
      })
    } else {
      if (negate) cursor.pos -= 4
      const field = cursor.field()
      cursor.expect('.')
      const raw = logicValue(cursor)
      const condition = parseCondition(field, raw, `logic tree (${cursor.input})`)
      if (typeof condition.value === 'string') condition.value = unquote(condition.value)
      children.push(condition)
    }
    if (cursor.eat(')')) break
    if (!cursor.eat(',')) cursor.fail('"," or ")"')
  }
  return children
}

/** Parses the value of `or=(…)` / `and=(…)` (or `not.or=`), nested to any reasonable depth. */
export function parseLogicTree(op: 'and' | 'or', negate: boolean, raw: string): LogicTree {
  const cursor = new Cursor(raw, `logic tree (${op}=${raw})`)
  const children = logicChildren(cursor, 0)
  if (!cursor.done) cursor.fail('end of input')
  return { kind: 'logic', op, negate, children }
}
