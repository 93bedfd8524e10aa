import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config.ts'
import { type ApiServer, startApiServer } from '../../src/http/server.ts'
import type { HttpService } from '../../src/http/service.ts'
import { createJwtTools } from '../../src/jwt.ts'
import { apiKeysFor } from '../../src/keys.ts'
import { createLogger } from '../../src/log.ts'
import { createRealtimeService } from '../../src/realtime/index.ts'
import { stackEnv } from '../helpers.ts'
import { waitForValue } from './realtime-helpers.ts'
import WebSocket from 'ws'

// A realtime service with tight limits, on the shared database but its own replication slot.
const slotName = `realtime_limits_${randomUUID().replaceAll('-', '').slice(0, 12)}`
let server: ApiServer
let service: HttpService
let pool: pg.Pool

beforeAll(async () => {
  const env = stackEnv()
  const log = createLogger('silent')
  pool = new pg.Pool({ connectionString: env.DB_URL, max: 2 })
  service = createRealtimeService(
    {
      config: resolveConfig({ jwtSecret: env.JWT_SECRET }),
      pool,
      databaseUrl: env.DB_URL,
      jwt: createJwtTools({ secret: env.JWT_SECRET }),
      keys: await apiKeysFor({
        jwtSecret: env.JWT_SECRET,
        publishableKey: env.PUBLISHABLE_KEY,
        secretKey: env.SECRET_KEY,
      }),
      log,
    },
    { slotName, limits: { idleTimeoutMs: 400, maxChannelsPerSocket: 3 } },
  )
  server = await startApiServer([service], '127.0.0.1', 0, log)
})

afterAll(async () => {
  await server.close()
  await service.close?.()
  // The slot is persistent: drop it so it holds no WAL back on the shared database.
  await pool.query(
    'select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1',
    [slotName],
  )
  await pool.end()
})

async function connect() {
  const ws = new WebSocket(
    `ws://127.0.0.1:${server.port}/realtime/v1/websocket?apikey=${stackEnv().ANON_KEY}&vsn=2.0.0`,
  )
  const frames: unknown[][] = []
  let closed: { code: number; reason: string } | undefined
  ws.on('message', (data) => frames.push(JSON.parse(String(data))))
  ws.on('close', (code, reason) => {
    closed = { code, reason: reason.toString() }
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  return { ws, frames, closed: () => closed }
}

describe('per-socket limits', () => {
  it('closes a socket that stays silent past the heartbeat timeout, not one that keeps beating', async () => {
    const silent = await connect()
    const beating = await connect()
    const beat = setInterval(
      () => beating.ws.send(JSON.stringify([null, 'hb', 'phoenix', 'heartbeat', {}])),
      100,
    )
    try {
      const closed = await waitForValue(silent.closed, 'the silent socket to close', 5_000)
      expect(closed).toEqual({ code: 1000, reason: 'heartbeat timeout' })
      expect(beating.closed()).toBeUndefined()
    } finally {
      clearInterval(beat)
      beating.ws.terminate()
    }
  })

  it('refuses joins beyond the channel limit of a socket', async () => {
    const socket = await connect()
    for (let i = 1; i <= 4; i++)
      socket.ws.send(JSON.stringify([`${i}`, `${i}`, `realtime:limit-${i}`, 'phx_join', {}]))
    const replies = await waitForValue(() => {
      const r = socket.frames.filter((f) => f[3] === 'phx_reply')
      return r.length === 4 ? r : undefined
    }, 'four join replies')
    expect(replies.map((r) => (r[4] as { status: string }).status)).toEqual([
      'ok',
      'ok',
      'ok',
      'error',
    ])
    expect(replies[3]?.[4]).toEqual({ status: 'error', response: { reason: 'Too many channels' } })
    socket.ws.terminate()
  })
})
