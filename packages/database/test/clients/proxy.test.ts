import { createServerClient } from '@supabase/ssr'
import { NextRequest } from 'next/server'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { updateSession } from '../../src/proxy.ts'
import { serverRealtimeOptions } from '../../src/server-transport.ts'
import { serviceClient, stackEnv, unique } from '../helpers/stack.ts'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

let email: string
beforeAll(async () => {
  email = `${unique('proxy')}@example.test`
  const created = await serviceClient().auth.admin.createUser({
    email,
    password: 'password123',
    email_confirm: true,
  })
  expect(created.error).toBeNull()
})

function useStackEnv() {
  const env = stackEnv()
  process.env.NEXT_PUBLIC_SUPABASE_URL = env.API_URL
  process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY = env.ANON_KEY
}

/** Signs in the way the browser would and returns the auth cookies @supabase/ssr wrote. */
async function signedInCookies(): Promise<string> {
  const env = stackEnv()
  const jar = new Map<string, string>()
  const client = createServerClient(env.API_URL, env.ANON_KEY, {
    realtime: serverRealtimeOptions(),
    cookies: {
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      setAll: (cookies) => {
        for (const { name, value } of cookies) jar.set(name, value)
      },
    },
  })
  const { error } = await client.auth.signInWithPassword({ email, password: 'password123' })
  expect(error).toBeNull()
  expect(jar.size).toBeGreaterThan(0)
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}

const isProtectedPath = (path: string) => !path.startsWith('/auth')

describe('updateSession', () => {
  it('redirects a signed-out visitor from a protected page to sign-in, remembering the page', async () => {
    useStackEnv()
    const response = await updateSession(new NextRequest('http://localhost:3001/appointments'), {
      isProtectedPath,
    })
    expect(response.status).toBe(307)
    const location = new URL(response.headers.get('location') ?? '')
    expect(location.pathname).toBe('/auth/login')
    expect(location.searchParams.get('next')).toBe('/appointments')
  })

  it('lets a signed-out visitor reach public pages', async () => {
    useStackEnv()
    const response = await updateSession(new NextRequest('http://localhost:3001/auth/login'), {
      isProtectedPath,
    })
    expect(response.headers.get('x-middleware-next')).toBe('1')
  })

  it('passes a signed-in user through', async () => {
    useStackEnv()
    const cookie = await signedInCookies()
    const request = new NextRequest('http://localhost:3001/appointments', { headers: { cookie } })
    const response = await updateSession(request, { isProtectedPath })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-middleware-next')).toBe('1')
  })
})
