// postgres_changes filters: `column=op.value` with eq, neq, lt, lte, gt, gte and in, as Supabase
// Realtime accepts them. Values are checked against the column type in Postgres at join time and
// kept in Postgres's canonical text form, so they compare directly with pgoutput's text values.

export const FILTER_OPERATORS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in'] as const
export type FilterOperator = (typeof FILTER_OPERATORS)[number]

/** Supabase caps `in` lists at 100 values. */
export const MAX_IN_VALUES = 100

export interface ParsedFilter {
  column: string
  operator: FilterOperator
  values: string[]
}

export interface RowFilter extends ParsedFilter {
  /** Compare as numbers (numeric column types) rather than as text. */
  numeric: boolean
}

export class FilterError extends Error {}

function parseInList(text: string): string[] {
  if (!text.startsWith('(') || !text.endsWith(')'))
    throw new FilterError('an in filter needs a list: in.(a,b,c)')
  const body = text.slice(1, -1)
  const values: string[] = []
  let i = 0
  while (i < body.length) {
    if (body[i] === '"') {
      let value = ''
      i += 1
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i += 1
        value += body[i] ?? ''
        i += 1
      }
      if (body[i] !== '"') throw new FilterError('unterminated quoted value in in list')
      values.push(value)
      i += 1
    } else {
      let end = body.indexOf(',', i)
      if (end === -1) end = body.length
      values.push(body.slice(i, end).trim())
      i = end
    }
    if (i < body.length && body[i] !== ',') throw new FilterError('malformed in list')
    i += 1
  }
  if (values.length === 0) throw new FilterError('an in list needs at least one value')
  if (values.length > MAX_IN_VALUES)
    throw new FilterError(`an in list takes at most ${MAX_IN_VALUES} values`)
  return values
}

/** Parses the syntax only; the column and values are checked against the table afterwards. */
export function parseFilter(text: string): ParsedFilter {
  const eq = text.indexOf('=')
  if (eq <= 0) throw new FilterError(`filter "${text}" must look like column=operator.value`)
  const column = text.slice(0, eq)
  const rest = text.slice(eq + 1)
  const dot = rest.indexOf('.')
  if (dot <= 0) throw new FilterError(`filter "${text}" must look like column=operator.value`)
  const operator = rest.slice(0, dot)
  const value = rest.slice(dot + 1)
  if (!(FILTER_OPERATORS as readonly string[]).includes(operator)) {
    throw new FilterError(
      `filter operator "${operator}" is not supported (use ${FILTER_OPERATORS.join(', ')})`,
    )
  }
  const op = operator as FilterOperator
  return { column, operator: op, values: op === 'in' ? parseInList(value) : [value] }
}

function compare(filter: RowFilter, actual: string, expected: string): number {
  if (filter.numeric) return Number(actual) - Number(expected)
  return actual < expected ? -1 : actual > expected ? 1 : 0
}

/**
 * Whether `row` passes `filter`. A NULL value never matches (as in SQL); a column missing from the
 * row (e.g. an old record without REPLICA IDENTITY FULL) cannot be shown to match either.
 */
export function matchesFilter(
  filter: RowFilter,
  row: Record<string, string | null> | null,
): boolean {
  if (!row) return false
  const actual = row[filter.column]
  if (actual === null || actual === undefined) return false
  const expected = filter.values[0] as string
  switch (filter.operator) {
    case 'eq':
      return compare(filter, actual, expected) === 0
    case 'neq':
      return compare(filter, actual, expected) !== 0
    case 'lt':
      return compare(filter, actual, expected) < 0
    case 'lte':
      return compare(filter, actual, expected) <= 0
    case 'gt':
      return compare(filter, actual, expected) > 0
    case 'gte':
      return compare(filter, actual, expected) >= 0
    case 'in':
      return filter.values.some((value) => compare(filter, actual, value) === 0)
  }
}
