import { afterEach, describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import { RawSocket } from './raw-socket.ts'
import { createPortalUser, mintToken, uniqueName, waitForValue } from './realtime-helpers.ts'

// Depth and size limits on what clients send, and what a refused frame must not break.

const sockets: RawSocket[] = []
async function open(vsn: '1.0.0' | '2.0.0' = '2.0.0'): Promise<RawSocket> {
  const socket = await RawSocket.open(vsn)
  sockets.push(socket)
  return socket
}
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

const OK = { status: 'ok', response: {} }
const TOO_DEEP = {
  status: 'error',
  response: { reason: expect.stringMatching(/nested too deeply/) },
}

/** JSON text nested `levels` deep: `[[[…]]]`, two bytes a level. */
const deepJson = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`

/** A text frame with a payload given as JSON text, in the socket's protocol version. */
function frameText(
  vsn: '1.0.0' | '2.0.0',
  joinRef: string | null,
  ref: string,
  topic: string,
  event: string,
  payloadJson: string,
): string {
  const [j, r, t, e] = [joinRef, ref, topic, event].map((v) => JSON.stringify(v))
  return vsn === '2.0.0'
    ? `[${j},${r},${t},${e},${payloadJson}]`
    : `{"join_ref":${j},"ref":${r},"topic":${t},"event":${e},"payload":${payloadJson}}`
}

/** A binary user broadcast (kind 3) with a JSON payload, as realtime-js encodes it. */
function binaryBroadcast(joinRef: string, ref: string, topic: string, meta: string, body: string) {
  const parts = [joinRef, ref, topic, 'deep', meta].map((s) => Buffer.from(s))
  const header = Buffer.from([3, ...parts.map((p) => p.length), 1])
  return Buffer.concat([header, ...parts, Buffer.from(body)])
}

async function insertJob(customerId: string): Promise<void> {
  await withPg((db) =>
    db.query(`insert into public.rt_jobs (customer_id, title) values ($1, 'after expiry')`, [
      customerId,
    ]),
  )
}

describe('nesting depth', () => {
  it('refuses a deeply nested presence payload, and a later join on the topic still expires', async () => {
    const me = await createPortalUser()
    const room = `realtime:${uniqueName('deep-presence')}`
    const attacker = await open()
    const joined = await attacker.join(room, {})
    expect(joined.reply.status).toBe('ok')
    const track = `{"type":"presence","event":"track","payload":{"deep":${deepJson(50_000)}}}`
    attacker.sendText(frameText('2.0.0', joined.ref, 'deep-track', room, 'presence', track))
    expect(await attacker.heartbeat()).toEqual(OK)

    const victim = await open()
    const binding = {
      event: 'INSERT',
      schema: 'public',
      table: 'rt_jobs',
      filter: `customer_id=eq.${me.customerId}`,
    }
    const shortLived = await mintToken(me.userId, { expiresInSeconds: 4 })
    const { reply } = await victim.join(room, {
      access_token: shortLived,
      config: { postgres_changes: [binding] },
    })
    expect(reply.status).toBe('ok')
    // A second channel on the same socket, with a long-lived token, watches the same rows.
    const witness = `realtime:${uniqueName('witness')}`
    const watching = await victim.join(witness, {
      access_token: me.token,
      config: { postgres_changes: [binding] },
    })
    expect(watching.reply.status).toBe('ok')
    await victim.waitForChangesFlowing(witness)

    const expired = await victim.waitForSystemError(room, 15_000)
    expect(expired.payload).toMatchObject({ extension: 'system', message: 'Token has expired' })
    await victim.waitForEvent(room, 'phx_close')
    await insertJob(me.customerId)
    await waitForValue(() => victim.changes(witness)[0], 'the change on the witness channel')
    expect(victim.changes(room)).toEqual([])

    expect(await attacker.reply('deep-track')).toEqual(TOO_DEEP)
  })

  for (const vsn of ['2.0.0', '1.0.0'] as const) {
    it(`answers 10,000 levels in 20 KB with an error in every kind of frame, and keeps working (vsn ${vsn})`, async () => {
      const room = `realtime:${uniqueName('deep')}`
      const socket = await open(vsn)
      const listener = await open()
      const joined = await socket.join(room, { config: { broadcast: { ack: true } } })
      expect(joined.reply.status).toBe('ok')
      expect((await listener.join(room, {})).reply.status).toBe('ok')

      const deep = deepJson(10_000)
      expect(deep.length).toBe(20_000)
      const pushes: Array<[string, string, string, string]> = [
        [room, 'broadcast', 'broadcast', `{"type":"broadcast","event":"x","payload":${deep}}`],
        [
          room,
          'presence',
          'presence',
          `{"type":"presence","event":"track","payload":{"d":${deep}}}`,
        ],
        [room, 'token', 'access_token', `{"access_token":${deep}}`],
        [room, 'other', 'custom_event', `{"d":${deep}}`],
        [`realtime:${uniqueName('deep-join')}`, 'join', 'phx_join', `{"config":${deep}}`],
      ]
      for (const [topic, ref, event, payload] of pushes)
        socket.sendText(frameText(vsn, joined.ref, ref, topic, event, payload))
      if (vsn === '2.0.0') {
        socket.ws.send(binaryBroadcast(joined.ref, 'binary', room, '', deep))
        socket.ws.send(binaryBroadcast(joined.ref, 'binary-meta', room, deepJson(100), '{}'))
      }
      const refs = pushes.map(([, ref]) => ref)
      if (vsn === '2.0.0') refs.push('binary', 'binary-meta')
      for (const ref of refs) expect(await socket.reply(ref), ref).toEqual(TOO_DEEP)

      // The socket, the channel and the topic's other members are unharmed.
      expect(await socket.heartbeat()).toEqual(OK)
      const sent = socket.push(
        room,
        'broadcast',
        { type: 'broadcast', event: 'hello', payload: { n: 1 } },
        joined.ref,
      )
      expect(await socket.reply(sent)).toEqual(OK)
      await waitForValue(() => listener.binaryFrames[0], 'the normal broadcast at the listener')
      expect(listener.binaryFrames).toHaveLength(1)
      expect((await socket.join(`realtime:${uniqueName('after')}`, {})).reply.status).toBe('ok')
    })
  }
})

describe('size', () => {
  it('answers a frame over the payload limit with an error and keeps the socket', async () => {
    const room = `realtime:${uniqueName('big')}`
    const socket = await open()
    const joined = await socket.join(room, { config: { broadcast: { ack: true } } })
    const big = { type: 'broadcast', event: 'x', payload: { blob: 'x'.repeat(1_500_000) } }
    const ref = socket.push(room, 'broadcast', big, joined.ref)
    expect(await socket.reply(ref)).toEqual({
      status: 'error',
      response: { reason: expect.stringMatching(/too large/) },
    })
    expect(socket.closed).toBeNull()
    expect(await socket.heartbeat()).toEqual(OK)
  })

  it('closes a socket that sends a frame far over the limit', async () => {
    const socket = await open()
    socket.push('realtime:huge', 'broadcast', { event: 'x', payload: 'x'.repeat(3 * 1024 * 1024) })
    expect((await socket.waitForClose()).code).toBe(1009)
    const bystander = await open()
    expect(await bystander.heartbeat()).toEqual(OK)
  })
})
