import { Cursor, type FieldPath } from './field.ts'

export interface OrderTerm {
  /** Set when ordering by a column of a to-one embedded resource: `order=author(name).desc`. */
  relation: string | null
  field: FieldPath
  direction: 'asc' | 'desc' | null
  nulls: 'first' | 'last' | null
}

/** Parses `order=col.desc.nullslast,other,rel(col).asc`. */
export function parseOrder(raw: string): OrderTerm[] {
  const cursor = new Cursor(raw, `order (${raw})`)
  const terms: OrderTerm[] = []
  do {
    let relation: string | null = null
    let field = cursor.field()
    if (field.jsonPath.length === 0 && cursor.eat('(')) {
      relation = field.column
      field = cursor.field()
      cursor.expect(')')
    }
    let direction: OrderTerm['direction'] = null
    let nulls: OrderTerm['nulls'] = null
    while (cursor.eat('.')) {
      if (cursor.eat('asc')) direction = 'asc'
      else if (cursor.eat('desc')) direction = 'desc'
      else if (cursor.eat('nullsfirst')) nulls = 'first'
      else if (cursor.eat('nullslast')) nulls = 'last'
      else cursor.fail('"asc", "desc", "nullsfirst" or "nullslast"')
    }
    terms.push({ relation, field, direction, nulls })
  } while (cursor.eat(','))
  if (!cursor.done) cursor.fail('"," or end of input')
  return terms
}
