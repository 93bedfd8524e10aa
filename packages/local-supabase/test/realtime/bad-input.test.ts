import { afterEach, describe, expect, it } from 'vitest'
import { stackEnv } from '../helpers.ts'
import {
  createPortalUser,
  mintToken,
  uniqueName,
  waitFor,
  waitForValue,
} from './realtime-helpers.ts'
import { RawSocket, refusedStatus } from './raw-socket.ts'

const sockets: RawSocket[] = []
async function open(vsn: '1.0.0' | '2.0.0' = '2.0.0', apikey?: string): Promise<RawSocket> {
  const socket = await RawSocket.open(vsn, apikey)
  sockets.push(socket)
  return socket
}
afterEach(() => {
  for (const s of sockets.splice(0)) s.close()
})

/** A second client that must keep working whatever the first one does. */
async function expectServerHealthy(): Promise<void> {
  const bystander = await open()
  expect(await bystander.heartbeat()).toEqual({ status: 'ok', response: {} })
}

describe('connecting', () => {
  it('refuses a missing or invalid apikey and an unknown protocol version', async () => {
    expect((await refusedStatus(RawSocket.url({ vsn: '2.0.0' }))).status).toBe(401)
    const bad = await refusedStatus(RawSocket.url({ vsn: '2.0.0', apikey: 'not-a-jwt' }))
    expect(bad.status).toBe(401)
    expect(JSON.parse(bad.body).message).toMatch(/Invalid API key/)
    const forged = await mintToken('x', {
      role: 'anon',
      secret: 'another-secret-that-is-at-least-32-chars',
    })
    expect((await refusedStatus(RawSocket.url({ vsn: '2.0.0', apikey: forged }))).status).toBe(401)
    const vsn = await refusedStatus(RawSocket.url({ vsn: '9.9.9', apikey: stackEnv().ANON_KEY }))
    expect(vsn.status).toBe(400)
    expect(JSON.parse(vsn.body).message).toMatch(/unsupported vsn/)
  })

  it('answers heartbeats in both protocol versions', async () => {
    for (const vsn of ['1.0.0', '2.0.0'] as const) {
      const socket = await open(vsn)
      expect(await socket.heartbeat()).toEqual({ status: 'ok', response: {} })
    }
  })
})

describe('malformed frames', () => {
  const cases: Array<[string, (s: RawSocket) => void]> = [
    ['text that is not JSON', (s) => s.ws.send('{nope')],
    [
      'a 1.0.0-style object on a 2.0.0 socket',
      (s) => s.ws.send(JSON.stringify({ topic: 'x', event: 'y', payload: {} })),
    ],
    ['an array of the wrong length', (s) => s.ws.send(JSON.stringify(['1', '1', 'realtime:x']))],
    [
      'a payload that is not an object',
      (s) => s.ws.send(JSON.stringify(['1', '1', 'realtime:x', 'phx_join', 'str'])),
    ],
    ['a binary frame of an unknown kind', (s) => s.ws.send(Buffer.from([9, 0, 0, 0]))],
    ['a truncated binary broadcast', (s) => s.ws.send(Buffer.from([3, 5, 5, 40, 3, 0, 1, 65]))],
  ]
  for (const [name, send] of cases) {
    it(`closes the socket with a reason for ${name}`, async () => {
      const socket = await open()
      send(socket)
      const closed = await socket.waitForClose()
      expect(closed.code).toBe(1007)
      expect(closed.reason).toMatch(/^malformed frame: /)
      await expectServerHealthy()
    })
  }

  it('closes a socket that sends an oversized frame', async () => {
    const socket = await open()
    socket.ws.send(
      JSON.stringify([
        null,
        '1',
        'realtime:big',
        'broadcast',
        { event: 'x', payload: 'x'.repeat(2 * 1024 * 1024) },
      ]),
    )
    expect((await socket.waitForClose()).code).toBe(1009)
    await expectServerHealthy()
  })
})

describe('joins', () => {
  it('refuses unknown topics and pushes to channels that were never joined', async () => {
    const socket = await open()
    expect((await socket.join('not-realtime:x')).reply).toEqual({
      status: 'error',
      response: { reason: 'unmatched topic' },
    })
    expect(
      await socket.request('realtime:never-joined', 'broadcast', {
        type: 'broadcast',
        event: 'x',
        payload: {},
      }),
    ).toEqual({
      status: 'error',
      response: { reason: 'unmatched topic' },
    })
    expect(await socket.heartbeat()).toEqual({ status: 'ok', response: {} })
  })

  const badBindings: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'an unsupported filter operator',
      { event: '*', schema: 'public', table: 'rt_jobs', filter: 'id=like.x' },
      /filter operator "like" is not supported/,
    ],
    [
      'a filter without an operator',
      { event: '*', schema: 'public', table: 'rt_jobs', filter: 'id' },
      /must look like column=operator.value/,
    ],
    [
      'a filter on an unknown column',
      { event: '*', schema: 'public', table: 'rt_jobs', filter: 'nope=eq.1' },
      /column "nope" does not exist/,
    ],
    [
      'a filter value of the wrong type',
      { event: '*', schema: 'public', table: 'rt_jobs', filter: 'price_cents=eq.abc' },
      /invalid value for column "price_cents"/,
    ],
    [
      'an unknown table',
      { event: '*', schema: 'public', table: 'no_such_table' },
      /does not exist/,
    ],
    [
      'a table outside the publication',
      { event: '*', schema: 'public', table: 'rt_unpublished' },
      /not in the supabase_realtime publication/,
    ],
    [
      'an unknown schema',
      { event: '*', schema: 'no_such_schema' },
      /schema "no_such_schema" does not exist/,
    ],
    [
      'an unknown event',
      { event: 'UPSERT', schema: 'public', table: 'rt_jobs' },
      /event must be INSERT, UPDATE, DELETE or \*/,
    ],
    ['a missing schema', { event: '*', table: 'rt_jobs' }, /schema/],
  ]
  for (const [name, binding, reason] of badBindings) {
    it(`refuses a join with ${name}, and the socket stays usable`, async () => {
      const socket = await open()
      const { reply } = await socket.join(`realtime:${uniqueName('bad')}`, {
        config: { postgres_changes: [binding] },
      })
      expect(reply.status).toBe('error')
      expect(String(reply.response.reason)).toMatch(reason)
      expect((await socket.join(`realtime:${uniqueName('good')}`, {})).reply.status).toBe('ok')
    })
  }

  it('refuses invalid and expired access tokens at join', async () => {
    const socket = await open()
    const invalid = await socket.join('realtime:tok', { access_token: 'abc.def.ghi' })
    expect(invalid.reply).toEqual({
      status: 'error',
      response: { reason: 'Invalid JWT: unable to verify signature' },
    })
    const expired = await socket.join('realtime:tok2', {
      access_token: await mintToken('u', { expiresInSeconds: -10 }),
    })
    expect(expired.reply).toEqual({ status: 'error', response: { reason: 'Token has expired' } })
    const wrongRole = await socket.join('realtime:tok3', {
      access_token: await mintToken('u', { role: 'postgres' }),
    })
    expect(wrongRole.reply.response.reason).toMatch(/role "postgres" is not allowed/)
  })

  it('closes a channel with a system error when its token expires, and on a bad token swap', async () => {
    const me = await createPortalUser()
    const socket = await open()
    const shortLived = await mintToken(me.userId, { expiresInSeconds: 2 })
    const { reply } = await socket.join('realtime:expiring', {
      access_token: shortLived,
      config: {
        postgres_changes: [
          {
            event: '*',
            schema: 'public',
            table: 'rt_jobs',
            filter: `customer_id=eq.${me.customerId}`,
          },
        ],
      },
    })
    expect(reply.status).toBe('ok')
    const system = await waitForSystemError(socket, 'realtime:expiring')
    expect(system.payload).toMatchObject({
      extension: 'system',
      status: 'error',
      message: 'Token has expired',
    })
    await socket.waitForEvent('realtime:expiring', 'phx_close')

    const swap = await socket.join('realtime:swap', { access_token: me.token })
    expect(swap.reply.status).toBe('ok')
    socket.push('realtime:swap', 'access_token', { access_token: 'garbage' }, swap.ref)
    const swapError = await waitForSystemError(socket, 'realtime:swap')
    expect(swapError.payload.message).toBe('Invalid JWT: unable to verify signature')
    await socket.waitForEvent('realtime:swap', 'phx_close')
    // The channel is gone; the socket is not.
    expect(
      (
        await socket.request(
          'realtime:swap',
          'broadcast',
          { type: 'broadcast', event: 'x' },
          swap.ref,
        )
      ).response,
    ).toEqual({
      reason: 'unmatched topic',
    })
    expect(await socket.heartbeat()).toEqual({ status: 'ok', response: {} })
  })

  it('bounds a flood of joins per socket without affecting other clients', async () => {
    const flooder = await open()
    const refs: string[] = []
    for (let i = 0; i < 250; i++)
      refs.push(flooder.push(`realtime:flood-${i}`, 'phx_join', {}, `j${i}`))
    const replies = await Promise.all(refs.map((ref) => flooder.reply(ref, 20_000)))
    const ok = replies.filter((r) => r.status === 'ok').length
    const refused = replies.filter((r) => r.status === 'error')
    expect(ok).toBeLessThanOrEqual(100)
    expect(ok).toBeGreaterThan(0)
    expect(refused.length).toBe(250 - ok)
    expect(
      refused.every((r) => /Too many (joins per second|channels)/.test(String(r.response.reason))),
    ).toBe(true)
    expect(await flooder.heartbeat()).toEqual({ status: 'ok', response: {} })
    await expectServerHealthy()
  })
})

async function waitForSystemError(socket: RawSocket, topic: string) {
  return waitForValue(
    () =>
      socket.frames.find(
        (f) => f.topic === topic && f.event === 'system' && f.payload.status === 'error',
      ),
    `a system error on ${topic}`,
  )
}

describe('slow consumers', () => {
  it('disconnects a socket that stops reading, while others keep receiving', async () => {
    const topic = `realtime:${uniqueName('firehose')}`
    const slow = await open()
    const healthy = await open()
    const sender = await open()
    for (const s of [slow, healthy, sender])
      expect((await s.join(topic, {})).reply.status).toBe('ok')
      // The slow client stops reading from its TCP socket.
    ;(slow.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    const chunk = 'x'.repeat(256 * 1024)
    const total = 80 // 20 MB, far over the per-socket queue limit
    for (let i = 0; i < total; i++) {
      sender.push(topic, 'broadcast', { type: 'broadcast', event: 'blob', payload: { i, chunk } })
      if (i % 10 === 9) await healthy.heartbeat()
    }
    await waitFor(
      () => healthy.binaryFrames.length === total,
      'every broadcast at the healthy client',
      30_000,
    )
    ;(slow.ws as unknown as { _socket: { resume(): void } })._socket.resume()
    const closed = await slow.waitForClose(30_000)
    expect([1008, 1006]).toContain(closed.code)
    if (closed.code === 1008) expect(closed.reason).toMatch(/Too many messages queued/)
    // Fewer than all: the server stopped queueing for it instead of growing without bound.
    expect(slow.binaryFrames.length).toBeLessThan(total)
    await expectServerHealthy()
  }, 60_000)
})
