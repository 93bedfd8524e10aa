import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import {
  createUser,
  mintToken,
  realtimeUser,
  subscribe,
  uniqueName,
  waitFor,
} from './realtime-helpers.ts'

type Presence = { user: string; presence_ref: string }

describe('presence', () => {
  it('syncs state, joins and leaves between two clients, keyed by config.presence.key', async () => {
    const room = uniqueName('room')
    const ann = await realtimeUser()
    const ben = await realtimeUser()
    const joinsSeenByAnn: string[] = []
    const leavesSeenByAnn: string[] = []
    const annChannel = ann.client
      .channel(room, { config: { presence: { key: 'ann' } } })
      .on('presence', { event: 'join' }, ({ key }) => joinsSeenByAnn.push(key))
      .on('presence', { event: 'leave' }, ({ key }) => leavesSeenByAnn.push(key))
    await subscribe(annChannel)
    expect(await annChannel.track({ user: 'ann' })).toBe('ok')
    await waitFor(
      () => Object.keys(annChannel.presenceState()).includes('ann'),
      'Ann to see herself',
    )

    let benSynced = false
    const benChannel = ben.client
      .channel(room, { config: { presence: { key: 'ben' } } })
      .on('presence', { event: 'sync' }, () => {
        benSynced = true
      })
    await subscribe(benChannel)
    // Ben joins late and still gets Ann from presence_state.
    await waitFor(
      () => benSynced && Object.keys(benChannel.presenceState()).includes('ann'),
      'Ben to see Ann',
    )
    expect((benChannel.presenceState<Presence>().ann ?? [])[0]).toMatchObject({ user: 'ann' })

    expect(await benChannel.track({ user: 'ben' })).toBe('ok')
    await waitFor(() => joinsSeenByAnn.includes('ben'), 'Ann to see Ben join')
    expect(Object.keys(annChannel.presenceState()).sort()).toEqual(['ann', 'ben'])

    expect(await benChannel.untrack()).toBe('ok')
    await waitFor(() => leavesSeenByAnn.includes('ben'), 'Ann to see Ben leave')
    expect(Object.keys(annChannel.presenceState())).toEqual(['ann'])

    // Tracking again, then the socket dying, still cleans up.
    expect(await benChannel.track({ user: 'ben', again: true })).toBe('ok')
    await waitFor(() => Object.keys(annChannel.presenceState()).includes('ben'), 'Ben back')
    ben.client.realtime.disconnect()
    await waitFor(
      () => !Object.keys(annChannel.presenceState()).includes('ben'),
      'Ben gone after his socket closed',
    )
    await ann.client.removeAllChannels()
  })
})

describe('broadcast', () => {
  it('fans out to other subscribers; self and ack as configured', async () => {
    const topic = uniqueName('cursor')
    const sender = await realtimeUser()
    const receiver = await realtimeUser()
    const receivedBySender: unknown[] = []
    const receivedByReceiver: unknown[] = []
    const sendChannel = sender.client
      .channel(topic, { config: { broadcast: { self: true, ack: true } } })
      .on('broadcast', { event: 'move' }, (m) => receivedBySender.push(m.payload))
    const quietChannel = receiver.client
      .channel(topic)
      .on('broadcast', { event: 'move' }, (m) => receivedByReceiver.push(m))
    await subscribe(sendChannel)
    await subscribe(quietChannel)

    // ack: the server confirms receipt.
    expect(
      await sendChannel.send({ type: 'broadcast', event: 'move', payload: { x: 1, label: 'é✓' } }),
    ).toBe('ok')
    await waitFor(
      () => receivedByReceiver.length === 1 && receivedBySender.length === 1,
      'both copies',
    )
    expect(receivedByReceiver[0]).toMatchObject({
      type: 'broadcast',
      event: 'move',
      payload: { x: 1, label: 'é✓' },
    })
    expect(receivedBySender[0]).toEqual({ x: 1, label: 'é✓' })

    // self is off for the receiver: its own message does not come back, the sender gets it.
    expect(await quietChannel.send({ type: 'broadcast', event: 'move', payload: { x: 2 } })).toBe(
      'ok',
    )
    await waitFor(() => receivedBySender.length === 2, 'the sender to get the receiver’s message')
    expect(receivedBySender[1]).toEqual({ x: 2 })
    expect(receivedByReceiver).toHaveLength(1)
    await sender.client.removeAllChannels()
    await receiver.client.removeAllChannels()
  })

  it('carries binary payloads between 2.0.0 clients and JSON to 1.0.0 clients', async () => {
    const topic = uniqueName('bytes')
    const a = await realtimeUser()
    const b = await realtimeUser()
    const legacy = await realtimeUser(undefined, { vsn: '1.0.0' })
    const got: unknown[] = []
    const legacyGot: unknown[] = []
    const ca = a.client.channel(topic, { config: { broadcast: { ack: true } } })
    const cb = b.client.channel(topic).on('broadcast', { event: '*' }, (m) => got.push(m.payload))
    const cl = legacy.client
      .channel(topic)
      .on('broadcast', { event: '*' }, (m) => legacyGot.push(m.payload))
    await subscribe(ca)
    await subscribe(cb)
    await subscribe(cl)
    const bytes = new Uint8Array([0, 1, 2, 250, 255]).buffer
    expect(await ca.send({ type: 'broadcast', event: 'blob', payload: bytes })).toBe('ok')
    expect(await ca.send({ type: 'broadcast', event: 'json', payload: { n: 7 } })).toBe('ok')
    await waitFor(
      () => got.length === 2 && legacyGot.length === 1,
      'the binary and JSON broadcasts',
    )
    expect(Array.from(new Uint8Array(got[0] as ArrayBuffer))).toEqual([0, 1, 2, 250, 255])
    expect(got[1]).toEqual({ n: 7 })
    // A 1.0.0 client cannot receive raw bytes; it gets the JSON one.
    expect(legacyGot).toEqual([{ n: 7 }])
    for (const u of [a, b, legacy]) await u.client.removeAllChannels()
  })
})

describe('private channels', () => {
  it('admit members per RLS on realtime.messages, refuse others, and enforce write policies', async () => {
    const room = uniqueName('room')
    const member = await createUser()
    const reader = await createUser()
    const outsider = await createUser()
    await withPg((db) =>
      db.query(
        'insert into public.rt_room_members (room, user_id, can_write) values ($1, $2, true), ($1, $3, false)',
        [room, member, reader],
      ),
    )
    const memberUser = await realtimeUser(await mintToken(member))
    const readerUser = await realtimeUser(await mintToken(reader))
    const outsiderUser = await realtimeUser(await mintToken(outsider))
    const anonUser = await realtimeUser()

    const readerGot: unknown[] = []
    const memberChannel = memberUser.client.channel(room, {
      config: { private: true, broadcast: { ack: true } },
    })
    const readerChannel = readerUser.client
      .channel(room, { config: { private: true, broadcast: { ack: true } } })
      .on('broadcast', { event: 'note' }, (m) => readerGot.push(m.payload))
    await subscribe(memberChannel)
    await subscribe(readerChannel)

    for (const refused of [outsiderUser, anonUser]) {
      const channel = refused.client.channel(room, { config: { private: true } })
      await expect(subscribe(channel)).rejects.toThrow(
        /Unauthorized: You do not have permissions to read/,
      )
      // Stop the client's automatic rejoin attempts.
      await refused.client.removeChannel(channel)
    }

    // A public channel of the same name is a different room: it hears nothing private.
    const publicGot: unknown[] = []
    const publicUser = await realtimeUser()
    const publicChannel = publicUser.client
      .channel(room)
      .on('broadcast', { event: 'note' }, (m) => publicGot.push(m.payload))
    await subscribe(publicChannel)

    expect(
      await memberChannel.send({ type: 'broadcast', event: 'note', payload: { text: 'hi' } }),
    ).toBe('ok')
    await waitFor(() => readerGot.length === 1, 'the reader to get the member’s note')
    // The reader may read but not write.
    expect(
      await readerChannel.send({ type: 'broadcast', event: 'note', payload: { text: 'nope' } }),
    ).toBe('error')
    expect(
      await memberChannel.send({ type: 'broadcast', event: 'note', payload: { text: 'again' } }),
    ).toBe('ok')
    await waitFor(() => readerGot.length === 2, 'the second note')
    expect(readerGot).toEqual([{ text: 'hi' }, { text: 'again' }])
    expect(publicGot).toEqual([])

    // Presence follows the same policies: the member may track, the read-only member may not.
    expect(await readerChannel.track({ who: 'reader' })).toBe('error')
    expect(await memberChannel.track({ who: 'member' })).toBe('ok')

    // Membership revoked: the next token the reader presents no longer authorizes the channel.
    const closed: unknown[] = []
    readerChannel.on('system', {}, (p: { status?: string; message?: string }) => {
      if (p.status === 'error') closed.push(p.message)
    })
    await withPg((db) =>
      db.query('delete from public.rt_room_members where room = $1 and user_id = $2', [
        room,
        reader,
      ]),
    )
    await readerUser.setToken(await mintToken(reader, { expiresInSeconds: 1800 }))
    await waitFor(() => closed.length === 1, 'the reader’s channel to be closed')
    expect(closed[0]).toMatch(
      /Unauthorized: You do not have permissions to read from this Channel topic/,
    )
    for (const u of [memberUser, readerUser, outsiderUser, anonUser, publicUser])
      await u.client.removeAllChannels()
  })
  it('authorize private channels with request.jwt.claim.sub and .role set, as Supabase does', async () => {
    // Policies written against the older per-claim settings work as on hosted Supabase.
    await withPg(async (db) => {
      await db.query(`drop policy if exists "claim settings read" on realtime.messages`)
      await db.query(
        `create policy "claim settings read" on realtime.messages for select to authenticated
         using (realtime.topic() = 'claimsub-' || current_setting('request.jwt.claim.sub', true)
                and current_setting('request.jwt.claim.role', true) = 'authenticated')`,
      )
    })
    const me = await createUser()
    const other = await createUser()
    const user = await realtimeUser(await mintToken(me))
    await subscribe(user.client.channel(`claimsub-${me}`, { config: { private: true } }))
    const refused = user.client.channel(`claimsub-${other}`, { config: { private: true } })
    await expect(subscribe(refused)).rejects.toThrow(
      /Unauthorized: You do not have permissions to read/,
    )
    await user.client.removeAllChannels()
  })
})
