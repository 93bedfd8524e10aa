import { parseError } from '../errors.ts'

/** A NUL would end the SQL text early (the protocol sends it as a C string): never write one. */
function refuseNul(text: string, what: string): void {
  if (text.includes('\0')) {
    throw parseError(
      `A ${what} has a NUL character (%00)`,
      'PostgreSQL text cannot hold NUL characters',
    )
  }
}

/** Quotes an identifier; callers only pass names already checked against the schema cache or aliases. */
export function ident(name: string): string {
  refuseNul(name, 'name')
  return `"${name.replace(/"/g, '""')}"`
}

export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`
}

/**
 * A JSON path key as a SQL literal. Keys are part of the path, like column names, so they go in the
 * text (a bound parameter would make `group by` and `order by` expressions differ); integers are
 * array indexes, everything else a quoted string with `'` doubled (standard_conforming_strings is on).
 */
export function jsonKeyLiteral(key: string): string {
  refuseNul(key, 'JSON key')
  if (/^-?[0-9]{1,9}$/.test(key)) return key
  return `'${key.replace(/'/g, "''")}'`
}

/** Collects bound parameters: every value in a query goes through here, never into the SQL text. */
export class Params {
  readonly values: unknown[] = []
  private aliasCount = 0

  bind(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }

  alias(prefix: string): string {
    this.aliasCount += 1
    return `${prefix}${this.aliasCount}`
  }
}
