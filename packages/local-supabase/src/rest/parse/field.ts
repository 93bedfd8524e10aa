import { parseError } from '../errors.ts'

export interface JsonStep {
  arrow: '->' | '->>'
  key: string
}

/** A column, optionally followed by a JSON path (`data->a->>b`). */
export interface FieldPath {
  column: string
  jsonPath: JsonStep[]
}

const NAME_CHAR = /[\p{L}\p{N}_$]/u

/** A tiny cursor over one query-string value, shared by the select, filter and order parsers. */
export class Cursor {
  pos = 0
  constructor(
    readonly input: string,
    readonly what: string,
  ) {}

  get done() {
    return this.pos >= this.input.length
  }
  peek(n = 1) {
    return this.input.slice(this.pos, this.pos + n)
  }
  eat(token: string): boolean {
    if (this.input.startsWith(token, this.pos)) {
      this.pos += token.length
      return true
    }
    return false
  }
  expect(token: string) {
    if (!this.eat(token)) this.fail(`"${token}"`)
  }
  fail(expecting: string): never {
    const found = this.done ? 'end of input' : `"${this.input[this.pos]}"`
    throw parseError(
      `failed to parse ${this.what} (${this.input})`,
      `unexpected ${found} expecting ${expecting} (column ${this.pos + 1})`,
    )
  }

  /** An identifier: letters, digits, `_`, `$`, or a double-quoted name (`""` escapes a quote). */
  name(): string {
    if (this.eat('"')) {
      let out = ''
      for (;;) {
        if (this.done) this.fail("closing '\"'")
        const ch = this.input[this.pos] as string
        this.pos += 1
        if (ch === '"') {
          if (this.eat('"')) out += '"'
          else break
        } else out += ch
      }
      if (out === '') this.fail('a name')
      return out
    }
    const start = this.pos
    while (!this.done && NAME_CHAR.test(this.input[this.pos] as string)) this.pos += 1
    if (this.pos === start) this.fail('a name')
    return this.input.slice(start, this.pos)
  }

  /** A JSON path key: a name or an (optionally negative) array index. */
  jsonKey(): string {
    if (this.peek() === '-' && /[0-9]/.test(this.input[this.pos + 1] ?? '')) {
      this.pos += 1
      return `-${this.name()}`
    }
    return this.name()
  }

  field(): FieldPath {
    const column = this.name()
    const jsonPath: JsonStep[] = []
    for (;;) {
      if (this.eat('->>')) jsonPath.push({ arrow: '->>', key: this.jsonKey() })
      else if (this.peek(2) === '->') {
        this.pos += 2
        jsonPath.push({ arrow: '->', key: this.jsonKey() })
      } else break
    }
    return { column, jsonPath }
  }
}

/** The key PostgREST uses for a field in the output: the last JSON key, else the column. */
export function defaultFieldName(field: FieldPath): string {
  const last = field.jsonPath[field.jsonPath.length - 1]
  return last ? last.key : field.column
}

export function parseField(input: string, what: string): FieldPath {
  const cursor = new Cursor(input, what)
  const field = cursor.field()
  if (!cursor.done) cursor.fail('"->", "->>" or end of input')
  return field
}
