import { describe, expect, it } from 'vitest'
import { stackEnv, withPg } from '../helpers.ts'
import {
  createUser,
  mintToken,
  realtimeUser,
  subscribe,
  uniqueName,
  waitFor,
} from './realtime-helpers.ts'

type Received = { event: string; payload: unknown; meta?: unknown }

function collect(list: Received[]): (message: unknown) => void {
  return (message) => list.push(message as Received)
}

async function addMember(crew: string, userId: string, canSend: boolean): Promise<void> {
  await withPg((db) =>
    db.query('insert into public.bc_crew_members (crew, user_id, can_send) values ($1, $2, $3)', [
      crew,
      userId,
      canSend,
    ]),
  )
}

const endpoint = (path = '') => `${stackEnv().API_URL}/realtime/v1/api/broadcast${path}`

/** A raw POST to the broadcast API with the anon key, unless headers say otherwise. */
function post(
  body: string,
  options: { path?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(endpoint(options.path), {
    method: 'POST',
    headers: {
      apikey: stackEnv().ANON_KEY,
      'content-type': 'application/json',
      ...options.headers,
    },
    body,
  })
}

/** Resolves after a short pause: time for anything wrongly delivered to arrive. */
const settle = () => new Promise((r) => setTimeout(r, 300))

describe('REST broadcast through realtime-js', () => {
  it('httpSend() and send() before joining reach the topic’s subscribers', async () => {
    const topic = uniqueName('lobby')
    const listener = await realtimeUser()
    const legacy = await realtimeUser(undefined, { vsn: '1.0.0' })
    const got: Received[] = []
    const legacyGot: Received[] = []
    await subscribe(listener.client.channel(topic).on('broadcast', { event: '*' }, collect(got)))
    await subscribe(
      legacy.client.channel(topic).on('broadcast', { event: '*' }, collect(legacyGot)),
    )

    const sender = await realtimeUser()
    const channel = sender.client.channel(topic)
    await expect(channel.httpSend('greeting', { text: 'hello' })).resolves.toEqual({
      success: true,
    })
    // send() on a channel that has not joined falls back to POST /api/broadcast.
    expect(await channel.send({ type: 'broadcast', event: 'wave', payload: { n: 2 } })).toBe('ok')
    await waitFor(() => got.length === 2 && legacyGot.length === 2, 'both REST broadcasts')
    expect(got).toMatchObject([
      { event: 'greeting', payload: { text: 'hello' } },
      { event: 'wave', payload: { n: 2 } },
    ])
    expect(legacyGot).toMatchObject(got)

    // Raw bytes reach vsn 2.0.0 subscribers as bytes (1.0.0 ones cannot receive them).
    await expect(channel.httpSend('blob', new Uint8Array([1, 2, 250]))).resolves.toEqual({
      success: true,
    })
    await waitFor(() => got.length === 3, 'the binary broadcast')
    expect(Array.from(new Uint8Array(got[2]?.payload as ArrayBuffer))).toEqual([1, 2, 250])
    await settle()
    expect(legacyGot).toHaveLength(2)
    for (const u of [listener, legacy, sender]) await u.client.removeAllChannels()
  })

  it('private topics: INSERT policies decide who may send, SELECT policies who receives', async () => {
    const crew = uniqueName('south')
    const topic = `crew:${crew}`
    const sender = await createUser()
    const reader = await createUser()
    await addMember(crew, sender, true)
    await addMember(crew, reader, false)
    const readerUser = await realtimeUser(await mintToken(reader))
    const got: Received[] = []
    await subscribe(
      readerUser.client
        .channel(topic, { config: { private: true } })
        .on('broadcast', { event: '*' }, collect(got)),
    )
    const publicGot: Received[] = []
    const anon = await realtimeUser()
    await subscribe(anon.client.channel(topic).on('broadcast', { event: '*' }, collect(publicGot)))

    const senderUser = await realtimeUser(await mintToken(sender))
    const senderChannel = senderUser.client.channel(topic, { config: { private: true } })
    await expect(senderChannel.httpSend('eta', { minutes: 10 })).resolves.toEqual({ success: true })
    expect(
      await senderChannel.send({ type: 'broadcast', event: 'eta', payload: { minutes: 5 } }),
    ).toBe('ok')
    await waitFor(() => got.length === 2, 'the sender’s two broadcasts')
    expect(got).toMatchObject([
      { event: 'eta', payload: { minutes: 10 } },
      { event: 'eta', payload: { minutes: 5 } },
    ])

    // The reader may receive but not send: httpSend is refused (403), and the batch endpoint
    // accepts the request (202) but drops the message, as Supabase's does.
    const readerChannel = readerUser.client.channel(topic, { config: { private: true } })
    await expect(readerChannel.httpSend('eta', { minutes: 1 })).rejects.toThrow('Unauthorized')
    const outsiderUser = await realtimeUser(await mintToken(await createUser()))
    const outsiderChannel = outsiderUser.client.channel(topic, { config: { private: true } })
    expect(
      await outsiderChannel.send({ type: 'broadcast', event: 'eta', payload: { minutes: 0 } }),
    ).toBe('ok')
    // The anon key has no INSERT policy either (a new client: supabase-js reuses a topic's channel).
    const anonSender = await realtimeUser()
    const anonChannel = anonSender.client.channel(topic, { config: { private: true } })
    await expect(anonChannel.httpSend('eta', { minutes: 2 })).rejects.toThrow('Unauthorized')
    await settle()
    expect(got).toHaveLength(2)
    expect(publicGot).toEqual([])

    // A raw batch mixing a private message the caller may not send and a public one: only the
    // public one is delivered.
    const res = await post(
      JSON.stringify({
        messages: [
          { topic, event: 'eta', payload: { minutes: 3 }, private: true },
          { topic, event: 'public-note', payload: { text: 'open to all' } },
        ],
      }),
      { headers: { authorization: `Bearer ${await mintToken(reader)}` } },
    )
    expect(res.status).toBe(202)
    expect(await res.text()).toBe('')
    await waitFor(() => publicGot.length === 1, 'the public note')
    expect(publicGot[0]).toMatchObject({ event: 'public-note', payload: { text: 'open to all' } })
    await settle()
    expect(got).toHaveLength(2)
    for (const u of [readerUser, anon, anonSender, senderUser, outsiderUser])
      await u.client.removeAllChannels()
  })
})

describe('REST broadcast: bad requests get Supabase Realtime’s answers', () => {
  const valid = JSON.stringify({ messages: [{ topic: 'x', event: 'e', payload: {} }] })

  it('needs an apikey, and a valid token', async () => {
    const missing = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: valid,
    })
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ message: 'No API key found in request' })

    const forged = await post(valid, { headers: { apikey: 'not-a-jwt' } })
    expect(forged.status).toBe(401)
    expect((await forged.json()).message).toMatch(/^Invalid API key: /)

    const expired = await post(valid, {
      headers: {
        authorization: `Bearer ${await mintToken(await createUser(), { expiresInSeconds: -10 })}`,
      },
    })
    expect(expired.status).toBe(401)
    expect(await expired.json()).toEqual({ message: 'Token has expired' })

    const single = await post('{}', { path: '/room/events/e', headers: { apikey: '' } })
    expect(single.status).toBe(401)
  })

  it('refuses malformed and incomplete batches with 400 / 422, delivering nothing', async () => {
    const topic = uniqueName('quiet')
    const listener = await realtimeUser()
    const got: Received[] = []
    await subscribe(listener.client.channel(topic).on('broadcast', { event: '*' }, collect(got)))

    const malformed = await post('{"messages": [')
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toBe('Bad Request')

    for (const body of ['{}', '{"messages": []}', '{"messages": null}', '[1, 2]']) {
      const res = await post(body)
      expect(res.status, body).toBe(422)
      expect(await res.json()).toEqual({ errors: { messages: ["can't be blank"] } })
    }
    for (const body of ['{"messages": "x"}', '{"messages": [1]}']) {
      const res = await post(body)
      expect(res.status, body).toBe(422)
      expect(await res.json()).toEqual({ errors: { messages: ['is invalid'] } })
    }
    // Supabase Realtime's own test case: per-message errors, `{}` for a valid one.
    const partial = await post(
      JSON.stringify({
        messages: [
          { topic },
          { payload: { data: 'data' } },
          { topic, payload: { data: 'data' }, event: 'event' },
          { topic: 42, event: '  ', payload: [1], private: 'maybe' },
        ],
      }),
    )
    expect(partial.status).toBe(422)
    expect(await partial.json()).toEqual({
      errors: {
        messages: [
          { payload: ["can't be blank"], event: ["can't be blank"] },
          { topic: ["can't be blank"], event: ["can't be blank"] },
          {},
          {
            topic: ['is invalid'],
            event: ["can't be blank"],
            payload: ['is invalid'],
            private: ['is invalid'],
          },
        ],
      },
    })
    // A body that is not JSON is not read as messages.
    const text = await post(valid, { headers: { 'content-type': 'text/plain' } })
    expect(text.status).toBe(422)

    await settle()
    expect(got).toEqual([])
    await listener.client.removeAllChannels()
  })

  it('refuses oversized payloads (422) and bodies (413)', async () => {
    const big = 'a'.repeat(1_100_000)
    const oversizedPayload = await post(
      JSON.stringify({
        messages: [
          { topic: 'x', event: 'e', payload: { ok: true } },
          { topic: 'x', event: 'e', payload: { big } },
        ],
      }),
    )
    expect(oversizedPayload.status).toBe(422)
    expect(await oversizedPayload.json()).toEqual({
      errors: { messages: [{}, { payload: ['Payload size exceeds tenant limit'] }] },
    })

    const oversizedSingle = await post(JSON.stringify({ big }), { path: '/x/events/e' })
    expect(oversizedSingle.status).toBe(422)
    expect(await oversizedSingle.json()).toEqual({
      errors: { payload: ['Payload size exceeds tenant limit'] },
    })

    const oversizedBody = await post(
      JSON.stringify({
        messages: [{ topic: 'x', event: 'e', payload: { big: 'b'.repeat(8_000_000) } }],
      }),
    )
    expect(oversizedBody.status).toBe(413)
    expect(await oversizedBody.json()).toBe('Request Entity Too Large')
  })

  it('single-message endpoint: content types, persistence on public channels, unknown routes', async () => {
    const plain = await post('hello', {
      path: '/room/events/e',
      headers: { 'content-type': 'text/plain' },
    })
    expect(plain.status).toBe(415)
    expect(await plain.json()).toEqual({
      error: 'Unsupported Media Type. Use application/json or application/octet-stream',
    })

    const persist = await post('{}', { path: '/room/events/e?persist=true' })
    expect(persist.status).toBe(422)
    expect(await persist.json()).toEqual({
      errors: { persist: ['can only be used on private channels'] },
    })

    const charset = await post('{"a":1}', {
      path: '/room/events/e',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
    expect(charset.status).toBe(202)

    const get = await fetch(endpoint(), { headers: { apikey: stackEnv().ANON_KEY } })
    expect(get.status).toBe(404)
    const unknown = await post(valid, { path: '/room' })
    expect(unknown.status).toBe(404)
  })
})
