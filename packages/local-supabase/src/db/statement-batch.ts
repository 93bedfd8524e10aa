import pg from 'pg'

/** One statement of a batch: SQL text with `$n` placeholders and the values bound to them. */
export interface Statement {
  text: string
  values?: unknown[]
  /**
   * Keeps the statement prepared on each connection under this name, so PostgreSQL parses and
   * plans it once per connection: only for fixed SQL text (one name, one text, always).
   */
  name?: string
}

/** The pieces of pg's wire connection a batch writes to (pg's types do not declare them). */
interface WireConnection {
  stream: { cork?: () => void; uncork?: () => void }
  parse(message: { text: string; name?: string }): void
  bind(message: { values: unknown[]; statement?: string }): void
  describe(message: { type: 'P'; name: string }): void
  execute(message: { portal: string }): void
  close(message: { type: 'S'; name: string }): void
  sync(): void
}

// pg's own conversion of JavaScript values to parameters (arrays, dates, JSON), so a batched
// statement binds exactly what `client.query(text, values)` would.
const { prepareValue } = (pg as unknown as { utils: { prepareValue: (value: unknown) => unknown } })
  .utils

/** Names prepared on each connection (by its wire connection, which lives as long as it does). */
const preparedOn = new WeakMap<object, Set<string>>()

/** PostgreSQL's code for a prepared statement that does not exist (DEALLOCATE ran, say). */
const UNKNOWN_STATEMENT = '26000'

/**
 * Statements sent as one extended-protocol exchange ending in a single Sync: one socket write and
 * one round trip however many statements there are. The server skips every statement after a
 * failing one until the Sync, so a later statement never runs when an earlier one failed. pg's
 * Query already collects one result per statement (as for a multi-statement simple query).
 */
class BatchQuery extends pg.Query {
  /** Names this batch prepares: forgotten again if it fails, so the next batch prepares them anew. */
  fresh: string[] = []
  prepared: Set<string> | undefined

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
      let prepared = preparedOn.get(connection)
      if (!prepared) preparedOn.set(connection, (prepared = new Set()))
      this.prepared = prepared
      wire.stream.cork?.()
      try {
        // Named statements are prepared first, before anything can fail and skip them. Close
        // comes first: a statement left from a failed batch is replaced, not refused as a duplicate.
        for (const { name, text } of this.statements) {
          if (name === undefined || prepared.has(name)) continue
          wire.close({ type: 'S', name })
          wire.parse({ name, text })
          prepared.add(name)
          this.fresh.push(name)
        }
        this.statements.forEach((statement, i) => {
          if (statement.name === undefined) wire.parse({ text: statement.text })
          wire.bind({ values: bound[i] ?? [], statement: statement.name ?? '' })
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

  /** After a failure: which names are really prepared is unknown, so prepare them again next time. */
  forget(error: unknown): void {
    for (const name of this.fresh) this.prepared?.delete(name)
    if ((error as { code?: string }).code === UNKNOWN_STATEMENT) this.prepared?.clear()
  }
}

/** Runs `statements` as one batch (see BatchQuery); resolves with one result per statement. */
export function runBatch(client: pg.ClientBase, statements: Statement[]): Promise<pg.QueryResult[]> {
  return new Promise((resolve, reject) => {
    const batch = new BatchQuery(statements)
    const done = (error: Error | null, results: pg.QueryResult | pg.QueryResult[]) => {
      if (error) {
        batch.forget(error)
        reject(error)
      } else resolve(Array.isArray(results) ? results : [results])
    }
    Object.assign(batch, { callback: done })
    client.query(batch)
  })
}
