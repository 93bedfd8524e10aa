/**
 * Reads PostgreSQL's `pg_node_tree` text (a view's stored query in `pg_rewrite.ev_action`): nodes
 * `{NAME :field value …}`, lists `(…)`, `<>` for NULL, atoms with `\` escapes and quoted strings.
 */
export type TreeValue = string | null | TreeValue[] | TreeNode
export interface TreeNode {
  readonly node: string
  readonly fields: Record<string, TreeValue>
}

interface Token {
  text: string
  /** A bare atom, not quoted and with no escapes: only these can be `:field` names or `<>`. */
  bare: boolean
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const ch = source[i] as string
    if (/\s/.test(ch)) {
      i += 1
    } else if ('{}()'.includes(ch)) {
      tokens.push({ text: ch, bare: true })
      i += 1
    } else if (ch === '"') {
      let text = ''
      i += 1
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\') i += 1
        text += source[i] ?? ''
        i += 1
      }
      i += 1
      tokens.push({ text, bare: false })
    } else {
      let text = ''
      let bare = true
      while (
        i < source.length &&
        !/\s/.test(source[i] as string) &&
        !'{}()'.includes(source[i] as string)
      ) {
        if (source[i] === '\\') {
          bare = false
          i += 1
        }
        text += source[i] ?? ''
        i += 1
      }
      tokens.push({ text, bare })
    }
  }
  return tokens
}

const isField = (token: Token | undefined) => token?.bare === true && token.text.startsWith(':')
const isMark = (token: Token | undefined, mark: string) =>
  token?.bare === true && token.text === mark

/** Parses node-tree text; throws on text that is not well formed. */
export function parseNodeTree(source: string): TreeValue {
  const tokens = tokenize(source)
  let pos = 0
  const next = (): Token => {
    const token = tokens[pos]
    if (!token) throw new Error('node tree ends early')
    pos += 1
    return token
  }
  const value = (): TreeValue => {
    const token = next()
    if (token.bare && token.text === '{') {
      const node = next().text
      const fields: Record<string, TreeValue> = {}
      while (tokens[pos] && !isMark(tokens[pos], '}')) {
        const name = next()
        if (!isField(name)) throw new Error(`expected a field in ${node}`)
        const parts: TreeValue[] = []
        while (tokens[pos] && !isField(tokens[pos]) && !isMark(tokens[pos], '}')) {
          parts.push(value())
        }
        fields[name.text.slice(1)] = parts.length === 1 ? (parts[0] as TreeValue) : parts
      }
      next()
      return { node, fields }
    }
    if (token.bare && token.text === '(') {
      const items: TreeValue[] = []
      while (tokens[pos] && !isMark(tokens[pos], ')')) items.push(value())
      next()
      return items
    }
    if (token.bare && token.text === '<>') return null
    return token.text
  }
  return value()
}

/** Where a view column's values come from: `resorigtbl`/`resorigcol` of its target entry (0 when computed). */
export interface ColumnOrigin {
  column: string
  relid: number
  attnum: number
}

const isNode = (v: TreeValue | undefined): v is TreeNode =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The output columns of a view's stored query and the table column each one reads, if any. */
export function viewColumnOrigins(evAction: string): ColumnOrigin[] {
  const tree = parseNodeTree(evAction)
  const query = Array.isArray(tree) ? tree[0] : undefined
  if (!isNode(query) || query.node !== 'QUERY') throw new Error('not a stored query')
  const targets = query.fields.targetList
  if (!Array.isArray(targets)) return []
  const origins: ColumnOrigin[] = []
  for (const entry of targets) {
    if (!isNode(entry) || entry.fields.resjunk === 'true') continue
    const column = entry.fields.resname
    if (typeof column !== 'string') continue
    origins.push({
      column,
      relid: Number(entry.fields.resorigtbl ?? 0),
      attnum: Number(entry.fields.resorigcol ?? 0),
    })
  }
  return origins
}
