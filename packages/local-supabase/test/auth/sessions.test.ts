import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import { jsonHeaders, PASSWORD, rawAuth, signedUpUser, userClient } from './auth-helpers.ts'

const refreshTokenState = (token: string) =>
  withPg(async (pg) => {
    const { rows } = await pg.query(
      'select revoked, parent from auth.refresh_tokens where token = $1',
      [token],
    )
    return rows[0] ?? null
  })

describe('sessions: refresh rotation and sign-out', () => {
  it('rotates the refresh token on every refresh and revokes the old one', async () => {
    const { client, session } = await signedUpUser('rotate')
    const { data, error } = await client.auth.refreshSession()
    expect(error).toBeNull()
    const next = data.session
    expect(next?.refresh_token).toEqual(expect.any(String))
    expect(next?.refresh_token).not.toBe(session.refresh_token)
    expect(decodeJwt(next?.access_token as string).session_id).toBe(
      decodeJwt(session.access_token).session_id,
    )
    expect(await refreshTokenState(session.refresh_token)).toEqual({ revoked: true, parent: null })
    expect(await refreshTokenState(next?.refresh_token as string)).toEqual({
      revoked: false,
      parent: session.refresh_token,
    })
  })

  it("hands the active token back to a client that lost its last refresh's answer", async () => {
    const { client, session } = await signedUpUser('reuse-parent')
    const { data } = await client.auth.refreshSession()
    const current = data.session?.refresh_token as string

    // GoTrue: the revoked parent of the session's active token gets that same active token.
    const replay = await userClient().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(replay.error).toBeNull()
    expect(replay.data.session?.refresh_token).toBe(current)
    expect(decodeJwt(replay.data.session?.access_token as string).session_id).toBe(
      decodeJwt(session.access_token).session_id,
    )
    expect(await refreshTokenState(current)).toEqual({
      revoked: false,
      parent: session.refresh_token,
    })
  })

  it('exchanges an older revoked token within the reuse interval (10 s here)', async () => {
    const { client, session } = await signedUpUser('reuse-window')
    await client.auth.refreshSession()
    const { data } = await client.auth.refreshSession()
    const newest = data.session?.refresh_token as string

    // Two generations back: not the active token's parent, but revoked under 10 s ago.
    const replay = await userClient().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(replay.error).toBeNull()
    const issued = replay.data.session?.refresh_token as string
    expect(issued).not.toBe(newest)
    expect(await refreshTokenState(issued)).toEqual({
      revoked: false,
      parent: session.refresh_token,
    })
  })

  it('rejects an unknown refresh token', async () => {
    const res = await userClient().auth.refreshSession({ refresh_token: 'no-such-token' })
    expect(res.error?.code).toBe('refresh_token_not_found')
    expect(res.error?.status).toBe(400)
  })

  it('signOut (global) ends every session of the user and revokes their refresh tokens', async () => {
    const { client, email, session, userId } = await signedUpUser('logout')
    const second = userClient()
    await second.auth.signInWithPassword({ email, password: PASSWORD })
    expect(await sessionCount(userId)).toBe(2)

    const { error } = await client.auth.signOut()
    expect(error).toBeNull()
    expect(await sessionCount(userId)).toBe(0)
    const refresh = await userClient().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(refresh.error?.code).toBe('refresh_token_not_found')
    // The access token outlives the session only as a signed blob: /user refuses it.
    const user = await rawAuth('/user', {
      method: 'GET',
      headers: { ...jsonHeaders, authorization: `Bearer ${session.access_token}` },
    })
    expect(user.status).toBe(403)
    expect(user.body?.code).toBe('session_not_found')
  })

  it('signOut with scope local and others ends only the chosen sessions', async () => {
    const { client: first, email, userId } = await signedUpUser('scopes')
    const second = userClient()
    const third = userClient()
    await second.auth.signInWithPassword({ email, password: PASSWORD })
    await third.auth.signInWithPassword({ email, password: PASSWORD })
    expect(await sessionCount(userId)).toBe(3)

    expect((await second.auth.signOut({ scope: 'local' })).error).toBeNull()
    expect(await sessionCount(userId)).toBe(2)
    expect((await first.auth.getUser()).error).toBeNull()

    expect((await first.auth.signOut({ scope: 'others' })).error).toBeNull()
    expect(await sessionCount(userId)).toBe(1)
    expect((await first.auth.getUser()).data.user?.id).toBe(userId)
    const thirdUser = await third.auth.getUser()
    expect(thirdUser.error).not.toBeNull()
  })
})

function sessionCount(userId: string): Promise<number> {
  return withPg(async (pg) => {
    const { rows } = await pg.query(
      'select count(*)::int as n from auth.sessions where user_id = $1',
      [userId],
    )
    return rows[0].n as number
  })
}
