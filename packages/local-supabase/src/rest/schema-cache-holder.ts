import pg from 'pg'
import type { Logger } from '../log.ts'
import { loadSchemaCache, type SchemaCache } from './schema-cache.ts'

export interface SchemaCacheHolder {
  current(): Promise<SchemaCache>
  /** Reloads now; concurrent calls share one reload. */
  reload(): Promise<SchemaCache>
  close(): Promise<void>
}

/**
 * Keeps the schema cache fresh: loads on first use and reloads on `NOTIFY pgrst`
 * (sent by the DDL event trigger and by `NOTIFY pgrst, 'reload schema'`).
 */
export function createSchemaCacheHolder(
  pool: pg.Pool,
  databaseUrl: string,
  log: Logger,
): SchemaCacheHolder {
  let cache: Promise<SchemaCache> | null = null
  let inFlight: Promise<SchemaCache> | null = null
  let again = false
  let listener: pg.Client | null = null
  let closed = false
  let retryTimer: NodeJS.Timeout | null = null

  const reload = (): Promise<SchemaCache> => {
    if (inFlight) {
      again = true
      return inFlight
    }
    const run = async (): Promise<SchemaCache> => {
      try {
        for (;;) {
          again = false
          const loaded = await loadSchemaCache(pool)
          if (!again) return loaded
        }
      } finally {
        inFlight = null
      }
    }
    inFlight = run()
    inFlight.then(
      (loaded) => {
        cache = Promise.resolve(loaded)
        log.debug('schema cache loaded', { relations: loaded.relations.size })
      },
      (error: Error) => log.warn('schema cache reload failed', { error: error.message }),
    )
    return inFlight
  }

  const listen = async () => {
    if (closed) return
    const client = new pg.Client({ connectionString: databaseUrl })
    listener = client
    const retry = () => {
      if (closed || listener !== client) return
      listener = null
      client.end().catch(() => undefined)
      retryTimer = setTimeout(() => void listen(), 1000)
    }
    client.on('error', retry)
    client.on('end', retry)
    client.on('notification', (msg) => {
      const payload = (msg.payload ?? '').trim()
      if (payload === '' || payload === 'reload schema' || payload === 'reload config')
        void reload().catch(() => undefined)
    })
    try {
      await client.connect()
      await client.query('listen pgrst')
      // DDL may have happened while we were not listening.
      if (cache) void reload().catch(() => undefined)
    } catch (error) {
      log.warn('schema cache listener failed to connect', { error: (error as Error).message })
      retry()
    }
  }
  void listen()

  return {
    current() {
      if (!cache) {
        const loading = reload()
        cache = loading
        // A failed first load must not stick: the next request tries again.
        loading.catch(() => {
          if (cache === loading) cache = null
        })
      }
      return cache
    },
    reload,
    async close() {
      closed = true
      if (retryTimer) clearTimeout(retryTimer)
      const client = listener
      listener = null
      await client?.end().catch(() => undefined)
      await inFlight?.catch(() => undefined)
    },
  }
}
