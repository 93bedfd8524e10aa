import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { deleteOldMessages } from '../../src/realtime/message-retention.ts'
import { serviceClient, stackEnv, withPg } from '../helpers.ts'
import {
  createUser,
  mintToken,
  realtimeUser,
  subscribe,
  uniqueName,
  waitFor,
} from './realtime-helpers.ts'

type Received = { event: string; payload: Record<string, unknown>; meta?: { id?: string } }

/** A broadcast listener that keeps what it receives. */
function collect(list: Received[]): (message: unknown) => void {
  return (message) => list.push(message as Received)
}

async function addMember(crew: string, userId: string, canSend = false): Promise<void> {
  await withPg((db) =>
    db.query('insert into public.bc_crew_members (crew, user_id, can_send) values ($1, $2, $3)', [
      crew,
      userId,
      canSend,
    ]),
  )
}

describe('broadcast from the database', () => {
  it('a row trigger with realtime.broadcast_changes reaches authorised subscribers of the private topic only', async () => {
    const crew = uniqueName('north')
    const member = await createUser()
    const outsider = await createUser()
    await addMember(crew, member)

    const memberUser = await realtimeUser(await mintToken(member))
    const legacyMember = await realtimeUser(await mintToken(member), { vsn: '1.0.0' })
    const got: Received[] = []
    const legacyGot: Received[] = []
    await subscribe(
      memberUser.client
        .channel(`crew:${crew}`, { config: { private: true } })
        .on('broadcast', { event: '*' }, collect(got)),
    )
    await subscribe(
      legacyMember.client
        .channel(`crew:${crew}`, { config: { private: true } })
        .on('broadcast', { event: '*' }, collect(legacyGot)),
    )
    // The outsider cannot join the private topic (no SELECT policy allows it)...
    const outsiderUser = await realtimeUser(await mintToken(outsider))
    const refused = outsiderUser.client.channel(`crew:${crew}`, { config: { private: true } })
    await expect(subscribe(refused)).rejects.toThrow(/Unauthorized: You do not have permissions/)
    await outsiderUser.client.removeChannel(refused)
    // ...and a public channel of the same name is another room.
    const publicGot: unknown[] = []
    await subscribe(
      outsiderUser.client
        .channel(`crew:${crew}`)
        .on('broadcast', { event: '*' }, (m) => publicGot.push(m)),
    )

    const db = serviceClient()
    const { data: job, error } = await db
      .from('bc_jobs')
      .insert({ crew, title: 'Boiler service' })
      .select()
      .single()
    expect(error).toBeNull()
    await db.from('bc_jobs').update({ status: 'done' }).eq('id', job.id).throwOnError()
    await db.from('bc_jobs').delete().eq('id', job.id).throwOnError()
    await waitFor(() => got.length === 3 && legacyGot.length === 3, 'three job broadcasts')

    const [inserted, updated, deleted] = got as [Received, Received, Received]
    expect(inserted.event).toBe('INSERT')
    expect(inserted.payload).toMatchObject({
      operation: 'INSERT',
      table: 'bc_jobs',
      schema: 'public',
      record: { id: job.id, crew, title: 'Boiler service', status: 'scheduled' },
      old_record: null,
    })
    // The message id travels in the payload and as meta.id.
    expect(typeof inserted.payload.id).toBe('string')
    expect(inserted.meta?.id).toBe(inserted.payload.id)
    expect(updated).toMatchObject({
      event: 'UPDATE',
      payload: { record: { status: 'done' }, old_record: { status: 'scheduled' } },
    })
    expect(deleted).toMatchObject({
      event: 'DELETE',
      payload: { record: null, old_record: { id: job.id } },
    })
    expect(legacyGot.map((m) => m.event)).toEqual(['INSERT', 'UPDATE', 'DELETE'])
    expect(legacyGot[0]?.payload).toEqual(inserted.payload)

    // A later change for another crew is not delivered here.
    await db
      .from('bc_jobs')
      .insert({ crew: `${crew}-other`, title: 'Elsewhere' })
      .throwOnError()
    await withPg((db2) =>
      db2.query(`select realtime.send('{"n":1}', 'marker', $1, true)`, [`crew:${crew}`]),
    )
    await waitFor(() => got.length === 4, 'the marker')
    expect(got[3]).toMatchObject({ event: 'marker', payload: { n: 1 } })
    expect(publicGot).toEqual([])
    for (const u of [memberUser, legacyMember, outsiderUser]) await u.client.removeAllChannels()
  })

  it('realtime.send to a public topic reaches public subscribers, not private ones', async () => {
    const crew = uniqueName('east')
    const member = await createUser()
    await addMember(crew, member)
    const anon = await realtimeUser()
    const memberUser = await realtimeUser(await mintToken(member))
    const publicGot: Received[] = []
    const privateGot: Received[] = []
    await subscribe(
      anon.client.channel(`crew:${crew}`).on('broadcast', { event: 'notice' }, collect(publicGot)),
    )
    await subscribe(
      memberUser.client
        .channel(`crew:${crew}`, { config: { private: true } })
        .on('broadcast', { event: 'notice' }, collect(privateGot)),
    )
    await withPg((db) =>
      db.query(`select realtime.send($1::jsonb, 'notice', $2, false)`, [
        JSON.stringify({ id: 'own-id', text: 'Road closed' }),
        `crew:${crew}`,
      ]),
    )
    await waitFor(() => publicGot.length === 1, 'the public notice')
    // A payload that names its own id keeps it; meta.id is the row's.
    expect(publicGot[0]?.payload).toEqual({ id: 'own-id', text: 'Road closed' })
    expect(publicGot[0]?.meta?.id).toMatch(/^[0-9a-f-]{36}$/)
    await new Promise((r) => setTimeout(r, 300))
    expect(privateGot).toEqual([])
    for (const u of [anon, memberUser]) await u.client.removeAllChannels()
  })

  it('realtime.send runs under the caller’s INSERT policies: refused sends store and deliver nothing', async () => {
    const crew = uniqueName('west')
    const reader = await createUser()
    const sender = await createUser()
    await addMember(crew, reader)
    await addMember(crew, sender, true)
    const readerUser = await realtimeUser(await mintToken(reader))
    const got: Received[] = []
    await subscribe(
      readerUser.client
        .channel(`crew:${crew}`, { config: { private: true } })
        .on('broadcast', { event: 'note' }, collect(got)),
    )
    const sendAs = (userId: string, text: string) =>
      withPg(async (db) => {
        const notices: string[] = []
        db.on('notice', (n) => notices.push(n.message ?? ''))
        await db.query('begin')
        await db.query(
          `select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`,
          [JSON.stringify({ sub: userId, role: 'authenticated' })],
        )
        await db.query(`select realtime.send($1::jsonb, 'note', $2)`, [
          JSON.stringify({ text }),
          `crew:${crew}`,
        ])
        await db.query('commit')
        return notices
      })
    const warnings = await sendAs(reader, 'from the reader')
    expect(warnings.join('\n')).toMatch(
      /ErrorSendingBroadcastMessage: new row violates row-level security/,
    )
    expect(await sendAs(sender, 'from the sender')).toEqual([])
    await waitFor(() => got.length === 1, 'the sender’s note')
    expect(got[0]?.payload).toMatchObject({ text: 'from the sender' })
    const { rows } = await withPg((db) =>
      db.query<{ text: string }>(
        `select payload ->> 'text' as text from realtime.messages where topic = $1`,
        [`crew:${crew}`],
      ),
    )
    expect(rows.map((r) => r.text)).toEqual(['from the sender'])
    await readerUser.client.removeAllChannels()
  })

  it('realtime.broadcast_changes refuses statement-level triggers and unknown operations', async () => {
    await withPg(async (db) => {
      await expect(
        db.query(
          `select realtime.broadcast_changes('t', 'e', 'INSERT', 'x', 'public', null::record, null::record, 'STATEMENT')`,
        ),
      ).rejects.toThrow(
        'Failed to process the row: function can only be triggered for each row, not for each statement',
      )
      await expect(
        db.query(
          `select realtime.broadcast_changes('t', 'e', 'TRUNCATE', 'x', 'public', null::record, null::record)`,
        ),
      ).rejects.toThrow('Failed to process the row: Unexpected operation type: TRUNCATE')
    })
  })

  it('messages older than 72 hours are removed; newer ones stay', async () => {
    const topic = uniqueName('retention')
    await withPg((db) =>
      db.query(
        `insert into realtime.messages (topic, extension, event, payload, private, inserted_at)
         values ($1, 'broadcast', 'old', '{}', false, now() - interval '73 hours'),
                ($1, 'broadcast', 'recent', '{}', false, now() - interval '71 hours')`,
        [topic],
      ),
    )
    const pool = new pg.Pool({ connectionString: stackEnv().DB_URL, max: 1 })
    try {
      expect(await deleteOldMessages(pool)).toBeGreaterThanOrEqual(1)
    } finally {
      await pool.end()
    }
    const { rows } = await withPg((db) =>
      db.query<{ event: string }>('select event from realtime.messages where topic = $1', [topic]),
    )
    expect(rows.map((r) => r.event)).toEqual(['recent'])
  })
})
