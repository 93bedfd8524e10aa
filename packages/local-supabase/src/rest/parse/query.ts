import { parseError } from '../errors.ts'
import { Cursor, type FieldPath } from './field.ts'
import { type FilterNode, parseCondition, parseLogicTree } from './filter.ts'
import { type OrderTerm, parseOrder } from './order.ts'
import { parseSelect, type SelectItem } from './select.ts'

/** The query string of one request, split into its parts; paths name embedded resources (`''` = top level). */
export interface ParsedQuery {
  select: SelectItem[]
  selectGiven: boolean
  filters: Map<string, FilterNode[]>
  orders: Map<string, OrderTerm[]>
  limits: Map<string, number>
  offsets: Map<string, number>
  onConflict: string[] | null
  columns: string[] | null
  /** Parameters claimed as function arguments (GET /rpc/fn). */
  args: Array<[string, string]>
}

function nonNegativeInt(raw: string, what: string): number {
  if (!/^[0-9]{1,15}$/.test(raw))
    throw parseError(`failed to parse ${what} (${raw})`, 'expected a non-negative integer')
  return Number(raw)
}

function nameList(raw: string, what: string): string[] {
  const cursor = new Cursor(raw, what)
  const names = [cursor.name()]
  while (cursor.eat(',')) names.push(cursor.name())
  if (!cursor.done) cursor.fail('"," or end of input')
  return names
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  map.set(key, [...(map.get(key) ?? []), value])
}

/** Splits `child.grandchild.col->x` into the embed path and the field. */
function splitFilterKey(key: string): { path: string; field: FieldPath } {
  const arrow = key.indexOf('->')
  const head = arrow === -1 ? key : key.slice(0, arrow)
  const dot = head.lastIndexOf('.')
  const path = dot === -1 ? '' : head.slice(0, dot)
  const fieldText = key.slice(dot + 1)
  const cursor = new Cursor(fieldText, `filter column (${key})`)
  const field = cursor.field()
  if (!cursor.done) cursor.fail('"->", "->>" or end of input')
  return { path, field }
}

export function parseQuery(
  params: URLSearchParams,
  isArg: (key: string) => boolean = () => false,
): ParsedQuery {
  const parsed: ParsedQuery = {
    select: [{ kind: 'star' }],
    selectGiven: false,
    filters: new Map(),
    orders: new Map(),
    limits: new Map(),
    offsets: new Map(),
    onConflict: null,
    columns: null,
    args: [],
  }
  for (const [key, value] of params) {
    if (isArg(key)) {
      parsed.args.push([key, value])
      continue
    }
    if (key === 'select') {
      parsed.select = parseSelect(value)
      parsed.selectGiven = true
      continue
    }
    if (key === 'on_conflict') {
      parsed.onConflict = nameList(value, 'on_conflict')
      continue
    }
    if (key === 'columns') {
      parsed.columns = nameList(value, 'columns')
      continue
    }
    const logic = /^(?:(.+)\.)?(or|and)$/.exec(key)
    if (logic) {
      // `not.or=…` / `child.not.and=…` negate the whole group.
      let path = logic[1] ?? ''
      let negate = false
      if (path === 'not' || path.endsWith('.not')) {
        negate = true
        path = path.slice(0, -'not'.length).replace(/\.$/, '')
      }
      push(parsed.filters, path, parseLogicTree(logic[2] as 'and' | 'or', negate, value))
      continue
    }
    const modifier = /^(?:(.+)\.)?(order|limit|offset)$/.exec(key)
    if (modifier) {
      const path = modifier[1] ?? ''
      if (modifier[2] === 'order')
        parsed.orders.set(path, [...(parsed.orders.get(path) ?? []), ...parseOrder(value)])
      else if (modifier[2] === 'limit') parsed.limits.set(path, nonNegativeInt(value, 'limit'))
      else parsed.offsets.set(path, nonNegativeInt(value, 'offset'))
      continue
    }
    const { path, field } = splitFilterKey(key)
    push(parsed.filters, path, parseCondition(field, value, key))
  }
  return parsed
}
