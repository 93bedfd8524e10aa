import { createHash } from 'node:crypto'
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

/**
 * Names prepared on each connection (keyed by its wire connection, which lives as long as it
 * does), least recently used first; beyond `MAX_PREPARED` the oldest is closed.
 */
const preparedOn = new WeakMap<object, Map<string, true>>()
const MAX_PREPARED = 100

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
  prepared: Map<string, true> | undefined

  constructor(private readonly statements: Statement[]) {
    // pg only reads the text for error reports; the statements carry their own.
    super({ text: 'statement batch' })
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
      const prepared = preparedOn.get(connection) ?? new Map<string, true>()
      preparedOn.set(connection, prepared)
      this.prepared = prepared
      wire.stream.cork?.()
      try {
        this.closeLeastRecentlyUsed(wire, prepared)
        this.statements.forEach((statement, i) => {
          const name = statement.name
          if (name === undefined) wire.parse({ text: statement.text })
          else if (prepared.delete(name)) prepared.set(name, true)
          else {
            // Prepared where it runs, after the settings before it (its names resolve on the
            // request's search_path). Close first: a statement left over from a failed batch is
            // replaced rather than refused as a duplicate.
            wire.close({ type: 'S', name })
            wire.parse({ name, text: statement.text })
            prepared.set(name, true)
            this.fresh.push(name)
          }
          wire.bind({ values: bound[i] ?? [], statement: name ?? '' })
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

  /** Makes room for this batch's new names; the closes go first, where nothing can skip them. */
  private closeLeastRecentlyUsed(wire: WireConnection, prepared: Map<string, true>): void {
    if (prepared.size + this.statements.length <= MAX_PREPARED) return
    const names = new Set(this.statements.map((s) => s.name).filter((n) => n !== undefined))
    let excess = prepared.size + [...names].filter((n) => !prepared.has(n)).length - MAX_PREPARED
    for (const name of prepared.keys()) {
      if (excess <= 0) break
      if (names.has(name)) continue
      wire.close({ type: 'S', name })
      prepared.delete(name)
      excess -= 1
    }
  }

  /** After a failure: which names are really prepared is unknown, so prepare them again next time. */
  forget(error: unknown): void {
    for (const name of this.fresh) this.prepared?.delete(name)
    if ((error as { code?: string }).code === UNKNOWN_STATEMENT) this.prepared?.clear()
  }
}

/** A name for statement text that is the same on every connection and for every process. */
export function statementName(text: string): string {
  return `local_supabase_${createHash('sha1').update(text).digest('base64url')}`
}

/** Runs `statements` as one batch (see BatchQuery); resolves with one result per statement. */
export function runBatch(
  client: pg.ClientBase,
  statements: Statement[],
): Promise<pg.QueryResult[]> {
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
