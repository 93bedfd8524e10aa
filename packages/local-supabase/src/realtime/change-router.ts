import type { Logger } from '../log.ts'
import { changePayload, isCompleteRow } from './change-payload.ts'
import { matchesFilter, type RowFilter } from './filters.ts'
import type { ChangeTransaction, RowChange, TextRow } from './replication.ts'
import type { SchemaCache, TableInfo } from './schema-cache.ts'
import { subscriberKey, type Subscriber } from './tokens.ts'
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
 * An `eq` filter compared as text can be found by the row's value instead of being tried on
 * every change: a change then costs its matching bindings, not every binding on its table.
 */
function indexableValue(filter: RowFilter | null): string | null {
  return filter?.operator === 'eq' && !filter.numeric ? (filter.values[0] as string) : null
}

/** The bindings of one schema-and-table key. */
class BindingSet {
  /** Bindings tried one by one: no filter, or one that cannot be looked up by value. */
  private readonly scanned = new Set<PostgresBinding>()
  /** Text `eq` filters: column → value → bindings. */
  private readonly byValue = new Map<string, Map<string, Set<PostgresBinding>>>()
  size = 0

  add(binding: PostgresBinding): void {
    const value = indexableValue(binding.filter)
    if (value === null) this.scanned.add(binding)
    else {
      const column = (binding.filter as RowFilter).column
      let values = this.byValue.get(column)
      if (!values) {
        values = new Map()
        this.byValue.set(column, values)
      }
      let set = values.get(value)
      if (!set) {
        set = new Set()
        values.set(value, set)
      }
      set.add(binding)
    }
    this.size += 1
  }

  remove(binding: PostgresBinding): void {
    const value = indexableValue(binding.filter)
    if (value === null) {
      if (this.scanned.delete(binding)) this.size -= 1
      return
    }
    const column = (binding.filter as RowFilter).column
    const values = this.byValue.get(column)
    const set = values?.get(value)
    if (!set?.delete(binding)) return
    this.size -= 1
    if (set.size === 0) values?.delete(value)
    if (values?.size === 0) this.byValue.delete(column)
  }

  /**
   * Adds the bindings on `type` changes that `filterRow` passes to `found`; with `filtersApply`
   * false, every binding on `type` changes, whatever its filter.
   */
  collect(
    type: RowChange['type'],
    filterRow: TextRow | null,
    filtersApply: boolean,
    found: PostgresBinding[],
  ): void {
    const take = (binding: PostgresBinding) => {
      if (binding.event === ANY || binding.event === type) found.push(binding)
    }
    for (const binding of this.scanned) {
      if (!filtersApply || !binding.filter || matchesFilter(binding.filter, filterRow))
        take(binding)
    }
    for (const [column, values] of this.byValue) {
      if (!filtersApply) {
        for (const set of values.values()) for (const binding of set) take(binding)
        continue
      }
      // A NULL or missing value never matches, as matchesFilter decides.
      const value = filterRow?.[column]
      if (typeof value !== 'string') continue
      for (const binding of values.get(value) ?? []) take(binding)
    }
  }
}

/**
 * Matches each committed change against the live bindings, checks visibility per subscriber in
 * Postgres, and sends it, preserving commit order across transactions.
 */
export class ChangeRouter {
  private index = new Map<string, BindingSet>()
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
      set = new BindingSet()
      this.index.set(key, set)
    }
    set.add(binding)
  }

  remove(binding: PostgresBinding): void {
    const key = indexKey(binding.schema, binding.table)
    const set = this.index.get(key)
    set?.remove(binding)
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

  /** Whether any binding listens on the change's table (before event types and filters). */
  private anyBound(change: RowChange): boolean {
    return (
      this.index.has(indexKey(change.schema, change.table)) ||
      this.index.has(indexKey(change.schema, null)) ||
      this.index.has(indexKey(ANY, null))
    )
  }

  /** Bindings on the change's table and event type that `filterRow` passes (all, unless `filtersApply`). */
  private bound(
    change: RowChange,
    filterRow: TextRow | null,
    filtersApply: boolean,
  ): PostgresBinding[] {
    const found: PostgresBinding[] = []
    for (const key of [
      indexKey(change.schema, change.table),
      indexKey(change.schema, null),
      indexKey(ANY, null),
    ]) {
      this.index.get(key)?.collect(change.type, filterRow, filtersApply, found)
    }
    return found
  }

  private async prepare(change: RowChange, tx: ChangeTransaction): Promise<() => void> {
    if (!this.anyBound(change)) return () => undefined
    const table = await this.schema.describe(change.schema, change.table).catch((error: Error) => {
      this.log.warn('table lookup failed; change withheld', {
        table: change.table,
        error: error.message,
      })
      return null
    })
    if (!table) return () => undefined

    const oldImage = isCompleteRow(change.oldRow, table) ? change.oldRow : null
    // A delete under RLS that its old row cannot decide goes to every binding alike: a filter
    // matched against values the subscriber may not read would reveal them.
    const filtersApply = !(change.type === 'DELETE' && table.rowSecurity && !oldImage)
    const filterRow = change.type === 'DELETE' ? change.oldRow : change.newRow
    const bindings = this.bound(change, filterRow, filtersApply)
    if (bindings.length === 0) return () => undefined

    // One check per distinct identity, however many channels share it.
    const identities = new Map<string, Subscriber>()
    for (const binding of bindings) {
      const subscriber = binding.listener.subscriber()
      identities.set(subscriberKey(subscriber), subscriber)
    }
    const keys = [...identities.keys()]
    const verdicts = await this.check(change, table, oldImage, tx.xid, [...identities.values()])
    const allowed = new Set(keys.filter((_, i) => verdicts.visible[i] === true))
    if (allowed.size === 0) return () => undefined
    const readsOld = new Set(keys.filter((_, i) => verdicts.oldVisible[i] === true))

    const payloads = new Map<boolean, string>()
    const dataJson = (canReadOldRow: boolean) => {
      let json = payloads.get(canReadOldRow)
      if (json === undefined) {
        json = JSON.stringify(changePayload(change, table, tx.commitTimestamp, canReadOldRow))
        payloads.set(canReadOldRow, json)
      }
      return json
    }
    return () => {
      const perListener = new Map<ChangeListener, { ids: number[]; key: string }>()
      for (const binding of bindings) {
        // The identity must still be the one that was checked (a token may have been swapped since).
        const key = subscriberKey(binding.listener.subscriber())
        if (!allowed.has(key)) continue
        const entry = perListener.get(binding.listener)
        if (entry) entry.ids.push(binding.id)
        else perListener.set(binding.listener, { ids: [binding.id], key })
      }
      for (const [listener, { ids, key }] of perListener) {
        try {
          listener.sendChange(ids, dataJson(readsOld.has(key)))
        } catch (error) {
          this.log.warn('sending a change failed', { error: (error as Error).message })
        }
      }
    }
  }

  /**
   * Who may receive the change (`visible`) and who could read the old row (`oldVisible`), per
   * identity. Without RLS, SELECT privilege decides both. With RLS: inserts and updates are
   * checked on the row as it is now; the old row of an update, and a deleted row, are checked on
   * their old image when the stream carried all of it (REPLICA IDENTITY FULL); a delete without it
   * falls back to SELECT privilege (it then carries only the key, as on Supabase).
   */
  private async check(
    change: RowChange,
    table: TableInfo,
    oldImage: TextRow | null,
    xid: number,
    subscribers: Subscriber[],
  ): Promise<{ visible: boolean[]; oldVisible: boolean[] }> {
    const none = subscribers.map(() => false)
    if (!table.rowSecurity) {
      const visible = await this.visibility.canSelectTable(table, subscribers)
      return { visible, oldVisible: visible }
    }
    if (change.type === 'DELETE') {
      if (!oldImage)
        return {
          visible: await this.visibility.canSelectTable(table, subscribers),
          oldVisible: none,
        }
      const visible =
        (await this.visibility.couldSeeOldRow(table, oldImage, xid, subscribers)) ?? none
      return { visible, oldVisible: visible }
    }
    const visible = await this.visibility.canSeeRow(
      table,
      change.newRow as TextRow,
      xid,
      subscribers,
    )
    if (change.type === 'INSERT' || !oldImage) return { visible, oldVisible: none }
    // Only those who receive the update need the old row judged.
    const receivers = subscribers.filter((_, i) => visible[i] === true)
    if (receivers.length === 0) return { visible, oldVisible: none }
    const judged = (await this.visibility.couldSeeOldRow(table, oldImage, xid, receivers)) ?? []
    let next = 0
    const oldVisible = visible.map((v) => (v === true ? judged[next++] === true : false))
    return { visible, oldVisible }
  }
}
