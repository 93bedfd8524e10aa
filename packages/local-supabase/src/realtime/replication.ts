import { LogicalReplicationService, PgoutputPlugin, type Pgoutput } from 'pg-logical-replication'
import pg from 'pg'
import type { Logger } from '../log.ts'
import { MESSAGES_PUBLICATION } from './database-broadcast.ts'
import { PUBLICATION } from './schema-cache.ts'

export type ChangeType = 'INSERT' | 'UPDATE' | 'DELETE'
export type TextRow = Record<string, string | null>

export interface RowChange {
  type: ChangeType
  schema: string
  table: string
  newRow: TextRow | null
  oldRow: TextRow | null
}

export interface ChangeTransaction {
  /** ISO time of the commit, as `commit_timestamp` in the payload. */
  commitTimestamp: string
  /** The writing transaction (32-bit), to wait until its rows are visible to other sessions. */
  xid: number
  endLsn: bigint
  changes: RowChange[]
}

export interface ReplicationFeedOptions {
  databaseUrl: string
  /** Owner-level pool used to create the slot. */
  pool: pg.Pool
  slotName: string
  log: Logger
  /** Resolves once the transaction has been handed to every subscriber; only then is it acknowledged. */
  deliver(tx: ChangeTransaction): Promise<void>
  /** A table's definition reached the stream (new session or DDL). */
  relationChanged(schema: string, table: string): void
}

/** Commits in flight (decoded, not yet delivered) before reading from the slot pauses. */
const MAX_PENDING_COMMITS = 2_000
const RESUME_PENDING_COMMITS = 500

/** How long stopping waits for PostgreSQL to release the slot. */
const SLOT_RELEASE_WAIT_MS = 2_000

export function parseLsn(lsn: string): bigint {
  const [hi, lo] = lsn.split('/')
  return (BigInt(`0x${hi || '0'}`) << 32n) | BigInt(`0x${lo || '0'}`)
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`
}

/**
 * pgoutput over the postgres_changes publication and realtime.messages' own, with values left as
 * Postgres text, so they are converted exactly once, by type name.
 */
function rawTextPlugin(): PgoutputPlugin {
  const plugin = new PgoutputPlugin({
    protoVersion: 1,
    publicationNames: [PUBLICATION, MESSAGES_PUBLICATION],
  })
  const parser = (
    plugin as unknown as {
      parser: { readRelationColumn(reader: unknown): Record<string, unknown> }
    }
  ).parser
  const original = parser.readRelationColumn.bind(parser)
  parser.readRelationColumn = (reader) => ({ ...original(reader), parser: (raw: unknown) => raw })
  return plugin
}

interface ReplicationServiceInternals {
  clientConfig: pg.ClientConfig
  _client: pg.Client | null
  _connection: unknown
  stop(): Promise<unknown>
  emit(event: 'error', error: Error): boolean
  client(): Promise<[pg.Client, unknown]>
}

/**
 * pg-logical-replication (2.5) attaches its client's error listener only after `connect()`, and
 * `stop()` removes it while the socket may still deliver the server's FATAL (a terminated
 * walsender): an 'error' event with no listener would end the whole stack. Same steps as the
 * library's own `client()`, with a listener from construction on and a client that, once its
 * listeners are gone, logs a late error instead of throwing it.
 */
function guardReplicationClient(service: LogicalReplicationService, log: Logger): void {
  const internals = service as unknown as ReplicationServiceInternals
  internals.client = async function (this: ReplicationServiceInternals) {
    await this.stop()
    const client = new pg.Client({
      ...this.clientConfig,
      replication: 'database',
    } as pg.ClientConfig)
    const emit = client.emit.bind(client)
    client.emit = (event: string | symbol, ...args: unknown[]) => {
      if (event === 'error' && client.listenerCount('error') === 0) {
        log.debug('replication connection closed', { error: String((args[0] as Error)?.message) })
        return false
      }
      return emit(event, ...args)
    }
    client.on('error', (error) => this.emit('error', error))
    this._client = client
    await client.connect()
    this._connection = (client as unknown as { connection: unknown }).connection
    return [client, this._connection]
  }
}

/**
 * Reads committed changes from a persistent logical replication slot on the `supabase_realtime`
 * publication. A transaction is acknowledged only after delivery, so a restart resumes exactly after
 * the last delivered commit; when the connection drops (or the database was reset) it reconnects and
 * recreates the slot if it is gone.
 */
export class ReplicationFeed {
  private service: LogicalReplicationService | null = null
  private stopping = false
  private reconnectTimer: NodeJS.Timeout | null = null
  private backoffMs = 200
  private current: ChangeTransaction | null = null
  private pending = 0
  private lastDelivered = 0n
  /** The last commit handed to `deliver` (its delivery may still be running). */
  private lastHandedOver = 0n
  private readyListeners = new Set<() => void>()
  /** The slot predates a publication it reads: it must be created again. */
  private slotOutdated = false
  ready = false

  constructor(private readonly options: ReplicationFeedOptions) {}

  start(): void {
    void this.connect()
  }

  /** Calls `listener` once changes are flowing (now, if they already are). */
  whenReady(listener: () => void): () => void {
    if (this.ready) {
      listener()
      return () => undefined
    }
    this.readyListeners.add(listener)
    return () => this.readyListeners.delete(listener)
  }

  async stop(): Promise<void> {
    this.stopping = true
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.readyListeners.clear()
    const service = this.service
    this.service = null
    await service?.destroy().catch(() => undefined)
    if (service) await this.slotReleased(SLOT_RELEASE_WAIT_MS)
  }

  /**
   * Resolves once PostgreSQL has let go of the slot (its walsender exits a moment after the
   * connection closes), so whoever starts next, or drops the slot, finds it free; at most `waitMs`.
   */
  private async slotReleased(waitMs: number): Promise<void> {
    const deadline = Date.now() + waitMs
    while (Date.now() < deadline) {
      const active = await Promise.race([
        this.options.pool
          .query<{ active: boolean }>(
            'select active from pg_replication_slots where slot_name = $1',
            [this.options.slotName],
          )
          .then(({ rows }) => rows[0]?.active === true)
          .catch(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), waitMs).unref()),
      ])
      if (!active) return
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  private async ensureSlot(): Promise<void> {
    if (this.slotOutdated) {
      // Decoding WAL written before a publication existed fails for good (PostgreSQL looks the
      // publication up as of each change), so a slot from before an upgrade starts afresh.
      await this.options.pool.query(
        'select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1',
        [this.options.slotName],
      )
      this.slotOutdated = false
      this.options.log.warn('replication slot predated a publication; created it again', {
        slot: this.options.slotName,
      })
    }
    const { rowCount } = await this.options.pool.query(
      'select 1 from pg_replication_slots where slot_name = $1',
      [this.options.slotName],
    )
    if ((rowCount ?? 0) > 0) return
    await this.options.pool.query(`select pg_create_logical_replication_slot($1, 'pgoutput')`, [
      this.options.slotName,
    ])
    // A new slot starts at the current WAL position: positions from an older slot mean nothing now.
    this.lastDelivered = 0n
    this.lastHandedOver = 0n
    this.options.log.info('created replication slot', { slot: this.options.slotName })
  }

  private async connect(): Promise<void> {
    if (this.stopping) return
    try {
      await this.ensureSlot()
    } catch (error) {
      this.scheduleReconnect(error)
      return
    }
    if (this.stopping) return
    const service = new LogicalReplicationService(
      { connectionString: this.options.databaseUrl },
      { acknowledge: { auto: false, timeoutSeconds: 0 } },
    )
    guardReplicationClient(service, this.options.log)
    this.service = service
    this.current = null
    service.on('start', () => {
      if (this.service !== service) return
      this.backoffMs = 200
      this.ready = true
      const listeners = [...this.readyListeners]
      this.readyListeners.clear()
      for (const listener of listeners) listener()
    })
    service.on('data', (_lsn: string, message: Pgoutput.Message) => {
      if (this.service === service) this.onMessage(message)
    })
    service.on('heartbeat', (lsn: string, _timestamp: number, shouldRespond: boolean) => {
      if (this.service !== service) return
      // Between transactions with nothing in flight, everything up to `lsn` is handled.
      if (!this.current && this.pending === 0) void service.acknowledge(lsn).catch(() => undefined)
      else if (shouldRespond && this.lastDelivered > 0n) {
        void service.acknowledge(formatLsn(this.lastDelivered)).catch(() => undefined)
      }
    })
    service.on('error', (error: Error) => {
      if (this.service === service) this.scheduleReconnect(error)
    })
    service.subscribe(rawTextPlugin(), this.options.slotName).then(
      () => {
        if (this.service === service) this.scheduleReconnect(new Error('replication stream ended'))
      },
      (error: unknown) => {
        if (this.service === service) this.scheduleReconnect(error)
      },
    )
  }

  private scheduleReconnect(error: unknown): void {
    this.ready = false
    if (/publication ".*" does not exist/.test(String((error as Error)?.message ?? error)))
      this.slotOutdated = true
    const service = this.service
    this.service = null
    void service?.destroy().catch(() => undefined)
    if (this.stopping || this.reconnectTimer) return
    this.options.log.warn('replication stream interrupted; reconnecting', {
      error: String((error as Error)?.message ?? error),
      inMs: this.backoffMs,
    })
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      void this.connect()
    }, this.backoffMs)
    this.backoffMs = Math.min(this.backoffMs * 2, 5_000)
  }

  private onMessage(message: Pgoutput.Message): void {
    switch (message.tag) {
      case 'begin':
        this.current = {
          commitTimestamp: new Date(Number((message.commitTime as bigint) / 1000n)).toISOString(),
          xid: message.xid,
          endLsn: 0n,
          changes: [],
        }
        return
      case 'relation':
        this.options.relationChanged(message.schema, message.name)
        return
      case 'insert':
        this.current?.changes.push({
          type: 'INSERT',
          schema: message.relation.schema,
          table: message.relation.name,
          newRow: message.new as TextRow,
          oldRow: null,
        })
        return
      case 'update':
        this.current?.changes.push({
          type: 'UPDATE',
          schema: message.relation.schema,
          table: message.relation.name,
          newRow: message.new as TextRow,
          oldRow: (message.old ?? message.key ?? null) as TextRow | null,
        })
        return
      case 'delete':
        this.current?.changes.push({
          type: 'DELETE',
          schema: message.relation.schema,
          table: message.relation.name,
          newRow: null,
          oldRow: (message.old ?? message.key ?? null) as TextRow | null,
        })
        return
      case 'commit':
        this.onCommit(message.commitEndLsn)
        return
      default:
        return
    }
  }

  private setPaused(service: LogicalReplicationService | null, paused: boolean): void {
    if (!service || this.service !== service) return
    // The library keeps its connection private; its socket stream is what we pause.
    const stream = (
      service as unknown as { _connection?: { stream?: { pause?(): void; resume?(): void } } }
    )._connection?.stream
    if (paused) stream?.pause?.()
    else stream?.resume?.()
  }

  private onCommit(commitEndLsn: string | null): void {
    const tx = this.current
    this.current = null
    if (!tx || !commitEndLsn) return
    tx.endLsn = parseLsn(commitEndLsn)
    // After a reconnect Postgres resends what was not yet acknowledged, including commits whose
    // delivery is still running (waiting on RLS checks): skip everything already handed over.
    if (tx.endLsn <= this.lastHandedOver) {
      if (this.pending === 0) void this.service?.acknowledge(commitEndLsn).catch(() => undefined)
      return
    }
    this.pending += 1
    this.lastHandedOver = tx.endLsn
    const service = this.service
    // Backpressure: stop reading WAL while too many commits wait for RLS checks and delivery.
    if (this.pending === MAX_PENDING_COMMITS) this.setPaused(service, true)
    this.options
      .deliver(tx)
      .catch((error: unknown) =>
        this.options.log.error('delivering changes failed', { error: String(error) }),
      )
      .finally(() => {
        this.pending -= 1
        if (this.pending === RESUME_PENDING_COMMITS) this.setPaused(service, false)
        if (tx.endLsn > this.lastDelivered) this.lastDelivered = tx.endLsn
        if (service && this.service === service)
          void service.acknowledge(commitEndLsn).catch(() => undefined)
      })
  }
}
