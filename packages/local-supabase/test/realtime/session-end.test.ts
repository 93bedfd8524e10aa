import { randomUUID } from 'node:crypto'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { afterEach, describe, expect, it } from 'vitest'
import { serviceClient, stackEnv, uniqueEmail, withPg } from '../helpers.ts'
import { RawSocket } from './raw-socket.ts'
import { createCustomer, mintToken, uniqueName, waitForValue } from './realtime-helpers.ts'

// A signed-out, banned or deleted user loses realtime access within one session check
// (5 s by default), although their access token has not expired.
const CHECK_BOUND_MS = 15_000

const sockets: RawSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

/** A user signed in through the Auth API (so the token names a real session), with a customer row. */
async function signedInCustomer() {
  const env = stackEnv()
  const client: SupabaseClient = createClient(env.API_URL, env.ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  })
  const { data, error } = await client.auth.signUp({
    email: uniqueEmail('rt-session'),
    password: 'password123',
  })
  if (error || !data.session || !data.user) throw error ?? new Error('sign-up gave no session')
  const customerId = await createCustomer(data.user.id)
  return { client, userId: data.user.id, token: data.session.access_token, customerId }
}

const jobsOf = (customerId: string) => ({
  event: 'INSERT',
  schema: 'public',
  table: 'rt_jobs',
  filter: `customer_id=eq.${customerId}`,
})

async function insertJob(customerId: string, title: string): Promise<void> {
  await withPg((db) =>
    db.query('insert into public.rt_jobs (customer_id, title) values ($1, $2)', [
      customerId,
      title,
    ]),
  )
}

/**
 * One socket, two channels on the customer's jobs: one as the user, one as the service role (a
 * witness whose access never ends), so a change the user's channel must not get can be awaited.
 */
async function watchAsUserAndWitness(token: string, customerId: string) {
  const socket = await RawSocket.open()
  sockets.push(socket)
  const topic = `realtime:${uniqueName('user')}`
  const witness = `realtime:${uniqueName('witness')}`
  const joined = await socket.join(topic, {
    access_token: token,
    config: { postgres_changes: [jobsOf(customerId)] },
  })
  expect(joined.reply.status).toBe('ok')
  const watching = await socket.join(witness, {
    access_token: await mintToken('witness', { role: 'service_role' }),
    config: { postgres_changes: [jobsOf(customerId)] },
  })
  expect(watching.reply.status).toBe('ok')
  await socket.waitForChangesFlowing(topic)
  await socket.waitForChangesFlowing(witness)
  await insertJob(customerId, 'before')
  await waitForValue(() => socket.changes(topic)[0], 'the change before the session ends')
  return { socket, topic, witness }
}

/** The user's channel is closed with `message`, and a later change reaches only the witness. */
async function expectCutOff(
  watch: Awaited<ReturnType<typeof watchAsUserAndWitness>>,
  customerId: string,
  message: string,
) {
  const { socket, topic, witness } = watch
  const error = await socket.waitForSystemError(topic, CHECK_BOUND_MS)
  expect(error.payload).toMatchObject({ extension: 'system', status: 'error', message })
  await socket.waitForEvent(topic, 'phx_close')
  await insertJob(customerId, 'after')
  await waitForValue(
    () => socket.changes(witness).find((c) => c.data.record?.title === 'after'),
    'the later change at the witness',
  )
  expect(socket.changes(topic).map((c) => c.data.record?.title)).toEqual(['before'])
}

describe('ended sessions', () => {
  it('closes the channels of a user who signs out, and refuses the token at join', async () => {
    const me = await signedInCustomer()
    const other = await signedInCustomer()
    const mine = await watchAsUserAndWitness(me.token, me.customerId)
    const theirs = await watchAsUserAndWitness(other.token, other.customerId)

    expect((await me.client.auth.signOut()).error).toBeNull()
    await expectCutOff(mine, me.customerId, 'Session has ended')

    const again = await mine.socket.join(`realtime:${uniqueName('again')}`, {
      access_token: me.token,
      config: { postgres_changes: [jobsOf(me.customerId)] },
    })
    expect(again.reply).toEqual({ status: 'error', response: { reason: 'Session has ended' } })

    // Another user's session is untouched.
    await insertJob(other.customerId, 'still here')
    await waitForValue(
      () => theirs.socket.changes(theirs.topic).find((c) => c.data.record?.title === 'still here'),
      'the other user’s change',
    )
    expect(theirs.socket.frames.some((f) => f.event === 'phx_close')).toBe(false)
  })

  it('closes the channels of a user who is banned', async () => {
    const me = await signedInCustomer()
    const watch = await watchAsUserAndWitness(me.token, me.customerId)
    const banned = await serviceClient().auth.admin.updateUserById(me.userId, {
      ban_duration: '24h',
    })
    expect(banned.error).toBeNull()
    // The ban also ends the user's sessions; either reason closes the channel.
    const error = await watch.socket.waitForSystemError(watch.topic, CHECK_BOUND_MS)
    expect(['User is banned', 'Session has ended']).toContain(error.payload.message)
    await expectCutOff(watch, me.customerId, String(error.payload.message))
  })

  it('closes the channels of a user who is deleted', async () => {
    const me = await signedInCustomer()
    const watch = await watchAsUserAndWitness(me.token, me.customerId)
    // The customer row outlives the user here, so the witness still has rows to see.
    await withPg((db) =>
      db.query('update public.rt_customers set portal_user_id = null where id = $1', [
        me.customerId,
      ]),
    )
    expect((await serviceClient().auth.admin.deleteUser(me.userId)).error).toBeNull()
    await expectCutOff(watch, me.customerId, 'User not found')
  })

  it('keeps tokens that name no session working: the keys, and tokens made outside the Auth API', async () => {
    const socket = await RawSocket.open()
    sockets.push(socket)
    const made = await mintToken(randomUUID())
    for (const token of [stackEnv().ANON_KEY, stackEnv().SERVICE_ROLE_KEY, made]) {
      const { reply } = await socket.join(`realtime:${uniqueName('key')}`, {
        access_token: token,
      })
      expect(reply.status).toBe('ok')
    }
  })
})
