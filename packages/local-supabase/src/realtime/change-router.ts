import type { Logger } from '../log.ts'
import { matchesFilter, type RowFilter } from './filters.ts'
import type { ChangeTransaction, RowChange, TextRow } from './replication.ts'
import type { SchemaCache, TableInfo } from './schema-cache.ts'
import { subscriberKey, type Subscriber } from './tokens.ts'
import { textToJson } from './values.ts'
import type { VisibilityChecker } from './visibility.ts'

export type BindingEvent = 'INSERT' | 'UPDATE' | 'DELETE' | '*'

/** Whoever owns postgres_changes bindings: a joined channel. */
export interface ChangeListener {
  /** The identity the channel acts as right now (it changes with `access_token`). */
  subscriber(): Subscriber
  sendChange(ids: number[], dataJson: string): void
}

export interface PostgresBinding {
  id: number
  listener: ChangeListener
  event: BindingEvent
  schema: string
  /** null: every table of the schema. */
  table: string | null
  filter: RowFilter | null
}

const ANY = '*'

function indexKey(schema: string, table: string | null): string {
  return `${schema}\u0000${table ?? ANY}`
}

/**
 * Matches each committed change against the live bindings, checks visibility per subscriber in
 * Postgres, and sends it, preserving commit order across transactions.
 */
export class ChangeRouter {
  private index = new Map<string, Set<PostgresBinding>>()
  private tail: Promise<void> = Promise.resolve()
  private nextId = 1

  constructor(
    private readonly schema: SchemaCache,
    private readonly visibility: VisibilityChecker,
    private readonly log: Logger,
  ) {}

  newBindingId(): number {
    const id = this.nextId
    this.nextId = (this.nextId % 2_000_000_000) + 1
    return id
  }

  add(binding: PostgresBinding): void {
    const key = indexKey(binding.schema, binding.table)
    let set = this.index.get(key)
    if (!set) {
      set = new Set()
      this.index.set(key, set)
    }
    set.add(binding)
  }

  remove(binding: PostgresBinding): void {
    const key = indexKey(binding.schema, binding.table)
    const set = this.index.get(key)
    set?.delete(binding)
    if (set?.size === 0) this.index.delete(key)
  }

  get bindingCount(): number {
    let n = 0
    for (const set of this.index.values()) n += set.size
    return n
  }

  /** Starts every check of the transaction at once; sends strictly after earlier transactions. */
  deliver(tx: ChangeTransaction): Promise<void> {
    const prepared = Promise.all(tx.changes.map((change) => this.prepare(change, tx)))
    const done = this.tail.then(async () => {
      for (const send of await prepared) send()
    })
    this.tail = done.catch(() => undefined)
    return done
  }

  private candidates(change: RowChange): PostgresBinding[] {
    const found: PostgresBinding[] = []
    const row = change.type === 'DELETE' ? change.oldRow : change.newRow
    for (const key of [
      indexKey(change.schema, change.table),
      indexKey(change.schema, null),
      indexKey(ANY, null),
    ]) {
      const set = this.index.get(key)
      if (!set) continue
      for (const binding of set) {
        if (binding.event !== ANY && binding.event !== change.type) continue
        if (binding.filter && !matchesFilter(binding.filter, row)) continue
        found.push(binding)
      }
    }
    return found
  }

  private async prepare(change: RowChange, tx: ChangeTransaction): Promise<() => void> {
    const bindings = this.candidates(change)
    if (bindings.length === 0) return () => undefined
    const table = await this.schema.describe(change.schema, change.table).catch((error: Error) => {
      this.log.warn('table lookup failed; change withheld', { table: change.table, error: error.message })
      return null
    })
    if (!table) return () => undefined

    // One check per distinct identity, however many channels share it.
    const identities = new Map<string, Subscriber>()
    for (const binding of bindings) {
      const subscriber = binding.listener.subscriber()
      identities.set(subscriberKey(subscriber), subscriber)
    }
    const keys = [...identities.keys()]
    const subscribers = [...identities.values()]
    const rowLevel = change.type !== 'DELETE' && table.rowSecurity
    const verdicts = rowLevel
      ? await this.visibility.canSeeRow(table, change.newRow as TextRow, tx.xid, subscribers)
      : await this.visibility.canSelectTable(table, subscribers)
    const allowed = new Set(keys.filter((_, i) => verdicts[i] === true))
    if (allowed.size === 0) return () => undefined

    const dataJson = JSON.stringify(this.payload(change, table, tx.commitTimestamp))
    return () => {
      const perListener = new Map<ChangeListener, number[]>()
      for (const binding of bindings) {
        // The identity must still be the one that was checked (a token may have been swapped since).
        if (!allowed.has(subscriberKey(binding.listener.subscriber()))) continue
        const ids = perListener.get(binding.listener)
        if (ids) ids.push(binding.id)
        else perListener.set(binding.listener, [binding.id])
      }
      for (const [listener, ids] of perListener) {
        try {
          listener.sendChange(ids, dataJson)
        } catch (error) {
          this.log.warn('sending a change failed', { error: (error as Error).message })
        }
      }
    }
  }

  private payload(
    change: RowChange,
    table: TableInfo,
    commitTimestamp: string,
  ): Record<string, unknown> {
    const convert = (row: TextRow | null, only?: string[]) => {
      const out: Record<string, unknown> = {}
      if (!row) return out
      for (const [name, text] of Object.entries(row)) {
        if (text === undefined) continue // unchanged TOAST value the stream did not carry
        if (only && !only.includes(name)) continue
        out[name] = textToJson(table.byName.get(name)?.type ?? 'text', text)
      }
      return out
    }
    const data: Record<string, unknown> = {
      schema: change.schema,
      table: change.table,
      commit_timestamp: commitTimestamp,
      type: change.type,
      columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
    }
    if (change.type !== 'DELETE') data.record = convert(change.newRow)
    // With RLS on, a deleted row cannot be checked, so (as on Supabase) only its key is revealed.
    if (change.type !== 'INSERT') {
      data.old_record = convert(
        change.oldRow,
        change.type === 'DELETE' && table.rowSecurity ? table.keyColumns : undefined,
      )
    }
    data.errors = null
    return data
  }
}
