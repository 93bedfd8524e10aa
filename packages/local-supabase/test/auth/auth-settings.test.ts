import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { resolveConfig } from '../../src/config.ts'
import { startTestStack, type TestStack, tempDir } from '../../src/testing/index.ts'
import { mailsTo } from './auth-helpers.ts'

const PASSWORD = 'correct-horse-battery'
const migrationsDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'migrations')
let counter = 0
const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${process.pid}-${++counter}@example.test`

/** A project folder whose supabase/config.toml says `toml`, as the Supabase CLI reads it. */
async function projectWith(toml: string): Promise<string> {
  const dir = await tempDir('auth-settings-')
  await mkdir(path.join(dir, 'supabase'), { recursive: true })
  await writeFile(path.join(dir, 'supabase', 'config.toml'), toml)
  return dir
}

function clientOf(stack: TestStack, key = stack.info.ANON_KEY): SupabaseClient {
  const store = new Map<string, string>()
  return createClient(stack.info.API_URL, key, {
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    auth: {
      autoRefreshToken: false,
      detectSessionInUrl: false,
      storage: {
        getItem: (k) => store.get(k) ?? null,
        setItem: (k, v) => void store.set(k, v),
        removeItem: (k) => void store.delete(k),
      },
    },
  })
}

async function settingsOf(stack: TestStack) {
  const res = await fetch(`${stack.info.API_URL}/auth/v1/settings`)
  return (await res.json()) as Record<string, unknown> & { external: Record<string, boolean> }
}

describe('reading the Auth settings of supabase/config.toml', () => {
  it("uses the CLI's defaults for what the file leaves out, and refuses wrong types", async () => {
    const dir = await projectWith('[auth]\nsite_url = "http://localhost:3001"\n')
    try {
      expect(resolveConfig({ projectDir: dir }).auth).toEqual({
        enableSignup: true,
        enableAnonymousSignIns: false,
        emailEnabled: true,
        emailConfirmations: false,
        secureEmailChange: true,
        refreshTokenRotation: true,
        refreshTokenReuseInterval: 10,
      })
      await writeFile(
        path.join(dir, 'supabase', 'config.toml'),
        '[auth.email]\nenable_confirmations = "yes"\n',
      )
      expect(() => resolveConfig({ projectDir: dir })).toThrow(
        'supabase/config.toml: auth.email.enable_confirmations has the wrong type',
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it("reads the project's own file as the product runs it", () => {
    const config = resolveConfig({
      projectDir: path.resolve(import.meta.dirname, '..', '..', '..', '..'),
    })
    expect(config.auth).toMatchObject({
      enableSignup: true,
      enableAnonymousSignIns: true,
      emailConfirmations: false,
      refreshTokenReuseInterval: 10,
    })
    expect(config.jwtExpiry).toBe(3600)
  })
})

describe('a project with confirmations on, anonymous sign-ins off and no reuse interval', () => {
  let stack: TestStack
  let dir: string
  beforeAll(async () => {
    dir = await projectWith(`
[auth]
site_url = "http://localhost:3001"
jwt_expiry = 900
enable_anonymous_sign_ins = false
refresh_token_reuse_interval = 0

[auth.email]
enable_confirmations = true
double_confirm_changes = true
`)
    stack = await startTestStack({ config: { projectDir: dir, migrationsDir } })
  }, 120_000)
  afterAll(async () => {
    await stack?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('/settings says so', async () => {
    const settings = await settingsOf(stack)
    expect(settings.mailer_autoconfirm).toBe(false)
    expect(settings.disable_signup).toBe(false)
    expect(settings.external.anonymous_users).toBe(false)
    expect(settings.external.email).toBe(true)
  })

  it('sign-up mails a confirmation and answers with the user, no session', async () => {
    const email = uniqueEmail('confirm')
    const client = clientOf(stack)
    const { data, error } = await client.auth.signUp({ email, password: PASSWORD })
    expect(error).toBeNull()
    expect(data.session).toBeNull()
    expect(data.user?.email).toBe(email)
    expect(data.user?.email_confirmed_at).toBeUndefined()
    expect(data.user?.confirmation_sent_at).toEqual(expect.any(String))

    const early = await client.auth.signInWithPassword({ email, password: PASSWORD })
    expect([early.error?.code, early.error?.message]).toEqual([
      'email_not_confirmed',
      'Email not confirmed',
    ])

    const mails = await mailsTo(email, stack.info.API_URL)
    expect(mails.map((m) => m.type)).toEqual(['signup'])
    const verified = await client.auth.verifyOtp({
      type: 'signup',
      token_hash: mails[0]?.token_hash as string,
    })
    expect(verified.error).toBeNull()
    const claims = decodeJwt(verified.data.session?.access_token as string)
    expect((claims.exp as number) - (claims.iat as number)).toBe(900)
    const later = await clientOf(stack).auth.signInWithPassword({ email, password: PASSWORD })
    expect(later.error).toBeNull()
  })

  it('a one-time code to a new address is the sign-up confirmation', async () => {
    const email = uniqueEmail('otp-new')
    const client = clientOf(stack)
    expect((await client.auth.signInWithOtp({ email })).error).toBeNull()
    const mails = await mailsTo(email, stack.info.API_URL)
    expect(mails.map((m) => m.type)).toEqual(['signup'])
    const { data, error } = await client.auth.verifyOtp({
      email,
      token: mails[0]?.token as string,
      type: 'email',
    })
    expect(error).toBeNull()
    expect(data.user?.email_confirmed_at).toEqual(expect.any(String))
  })

  it('signing up an address again tells nothing: a made-up user, no mail', async () => {
    const email = uniqueEmail('again')
    const first = await clientOf(stack).auth.signUp({ email, password: PASSWORD })
    const mails = await mailsTo(email, stack.info.API_URL)
    await clientOf(stack).auth.verifyOtp({
      type: 'signup',
      token_hash: mails[0]?.token_hash as string,
    })

    const again = await clientOf(stack).auth.signUp({ email, password: 'another-password' })
    expect(again.error).toBeNull()
    expect(again.data.session).toBeNull()
    expect(again.data.user?.email).toBe(email)
    expect(again.data.user?.id).not.toBe(first.data.user?.id)
    expect(again.data.user?.identities).toEqual([])
    expect(await mailsTo(email, stack.info.API_URL)).toHaveLength(1)
  })

  it('anonymous sign-ins are refused', async () => {
    const { data, error } = await clientOf(stack).auth.signInAnonymously()
    expect(data.session).toBeNull()
    expect([error?.status, error?.code, error?.message]).toEqual([
      422,
      'anonymous_provider_disabled',
      'Anonymous sign-ins are disabled',
    ])
  })

  it('a revoked refresh token is refused at once and ends the session', async () => {
    const email = uniqueEmail('reuse')
    const admin = clientOf(stack, stack.info.SERVICE_ROLE_KEY)
    await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true })
    const client = clientOf(stack)
    const { data: first } = await client.auth.signInWithPassword({ email, password: PASSWORD })
    await client.auth.refreshSession()
    const { data: latest } = await client.auth.refreshSession()

    const replay = await clientOf(stack).auth.refreshSession({
      refresh_token: first.session?.refresh_token as string,
    })
    expect([replay.error?.status, replay.error?.code, replay.error?.message]).toEqual([
      400,
      'refresh_token_already_used',
      'Invalid Refresh Token: Already Used',
    ])
    const afterwards = await clientOf(stack).auth.refreshSession({
      refresh_token: latest.session?.refresh_token as string,
    })
    expect(afterwards.error?.code).toBe('refresh_token_already_used')
  })

  it('an e-mail change waits for both addresses (double_confirm_changes)', async () => {
    const email = uniqueEmail('change')
    const newEmail = uniqueEmail('change-to')
    const admin = clientOf(stack, stack.info.SERVICE_ROLE_KEY)
    await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true })
    const client = clientOf(stack)
    await client.auth.signInWithPassword({ email, password: PASSWORD })

    const { data, error } = await client.auth.updateUser({ email: newEmail })
    expect(error).toBeNull()
    expect(data.user?.email).toBe(email)
    expect(data.user?.new_email).toBe(newEmail)
    expect(data.user?.email_change_sent_at).toEqual(expect.any(String))
    const [toCurrent] = await mailsTo(email, stack.info.API_URL)
    const [toNew] = await mailsTo(newEmail, stack.info.API_URL)
    expect([toCurrent?.type, toNew?.type]).toEqual(['email_change', 'email_change'])

    const verify = (tokenHash: string) =>
      fetch(`${stack.info.API_URL}/auth/v1/verify`, {
        method: 'POST',
        headers: { apikey: stack.info.ANON_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'email_change', token_hash: tokenHash }),
      })
    const half = await verify(toCurrent?.token_hash as string)
    expect(half.status).toBe(200)
    expect(await half.json()).toEqual({
      msg: 'Confirmation link accepted. Please proceed to confirm link sent to the other email',
      code: '200',
    })
    expect((await client.auth.getUser()).data.user?.email).toBe(email)

    const done = await verify(toNew?.token_hash as string)
    expect(done.status).toBe(200)
    const session = (await done.json()) as { user: { email: string; new_email?: string } }
    expect(session.user.email).toBe(newEmail)
    expect(session.user.new_email).toBeUndefined()
  })
})

describe('a project with sign-ups and the e-mail provider off', () => {
  let stack: TestStack
  let dir: string
  beforeAll(async () => {
    dir = await projectWith(`
[auth]
site_url = "http://localhost:3001"
enable_signup = false
enable_anonymous_sign_ins = true

[auth.email]
enable_signup = false
`)
    stack = await startTestStack({ config: { projectDir: dir, migrationsDir } })
  }, 120_000)
  afterAll(async () => {
    await stack?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('/settings says so', async () => {
    const settings = await settingsOf(stack)
    expect(settings.disable_signup).toBe(true)
    expect(settings.external.email).toBe(false)
    expect(settings.external.anonymous_users).toBe(true)
  })

  it("refuses sign-ups of every kind with GoTrue's codes", async () => {
    const signUp = await clientOf(stack).auth.signUp({
      email: uniqueEmail('closed'),
      password: PASSWORD,
    })
    expect([signUp.error?.status, signUp.error?.code, signUp.error?.message]).toEqual([
      422,
      'signup_disabled',
      'Signups not allowed for this instance',
    ])
    const anonymous = await clientOf(stack).auth.signInAnonymously()
    expect([anonymous.error?.status, anonymous.error?.code]).toEqual([422, 'signup_disabled'])
  })

  it('refuses e-mail logins and mails, while the admin API still creates users', async () => {
    const email = uniqueEmail('closed-login')
    const admin = clientOf(stack, stack.info.SERVICE_ROLE_KEY)
    const created = await admin.auth.admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
    })
    expect(created.error).toBeNull()

    const client = clientOf(stack)
    const login = await client.auth.signInWithPassword({ email, password: PASSWORD })
    expect([login.error?.status, login.error?.code, login.error?.message]).toEqual([
      422,
      'email_provider_disabled',
      'Email logins are disabled',
    ])
    const otp = await client.auth.signInWithOtp({ email })
    const recover = await client.auth.resetPasswordForEmail(email)
    const resend = await client.auth.resend({ type: 'signup', email })
    for (const refused of [otp.error, recover.error, resend.error]) {
      expect([refused?.status, refused?.code, refused?.message]).toEqual([
        400,
        'email_provider_disabled',
        'Email logins are disabled',
      ])
    }
    expect(await mailsTo(email, stack.info.API_URL)).toEqual([])
  })
})
