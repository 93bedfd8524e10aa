import pg from 'pg'

/** One statement of a batch: SQL text with `$n` placeholders and the values bound to them. */
export interface Statement {
  text: string
  values?: unknown[]
}

/** The pieces of pg's wire connection a batch writes to (pg's types do not declare them). */
interface WireConnection {
  stream: { cork?: () => void; uncork?: () => void }
  parse(message: { text: string }): void
  bind(message: { values: unknown[] }): void
  describe(message: { type: 'P'; name: string }): void
  execute(message: { portal: string }): void
  sync(): void
}

// pg's own conversion of JavaScript values to parameters (arrays, dates, JSON), so a batched
// statement binds exactly what `client.query(text, values)` would.
const { prepareValue } = (pg as unknown as { utils: { prepareValue: (value: unknown) => unknown } })
  .utils

/**
 * Statements sent as one extended-protocol exchange ending in a single Sync: one socket write and
 * one round trip however many statements there are. The server skips every statement after a
 * failing one until the Sync, so a later statement never runs when an earlier one failed. pg's
 * Query already collects one result per statement (as for a multi-statement simple query).
 */
class BatchQuery extends pg.Query {
  constructor(private readonly statements: Statement[]) {
    super({ text: statements.map((s) => s.text).join(';\n') })
    // pg declares `submit` as a property, so it is replaced as one.
    this.submit = (connection) => {
      const wire = connection as unknown as WireConnection
      // Values are converted before anything is written: a value pg cannot send (circular JSON)
      // fails the batch whole instead of leaving half of it on the wire.
      let bound: unknown[][]
      try {
        bound = this.statements.map((s) => (s.values ?? []).map((v) => prepareValue(v)))
      } catch (error) {
        return error as Error
      }
      wire.stream.cork?.()
      try {
        this.statements.forEach((statement, i) => {
          wire.parse({ text: statement.text })
          wire.bind({ values: bound[i] ?? [] })
          wire.describe({ type: 'P', name: '' })
          wire.execute({ portal: '' })
        })
        wire.sync()
      } finally {
        wire.stream.uncork?.()
      }
      return undefined
    }
  }
}

/** Runs `statements` as one batch (see BatchQuery); resolves with one result per statement. */
export function runBatch(client: pg.ClientBase, statements: Statement[]): Promise<pg.QueryResult[]> {
  return new Promise((resolve, reject) => {
    const batch = new BatchQuery(statements)
    const done = (error: Error | null, results: pg.QueryResult | pg.QueryResult[]) => {
      if (error) reject(error)
      else resolve(Array.isArray(results) ? results : [results])
    }
    Object.assign(batch, { callback: done })
    client.query(batch)
  })
}
