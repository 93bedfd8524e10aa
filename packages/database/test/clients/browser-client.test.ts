// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../../src/client.ts'
import { serializePublicEnv } from '../../src/public-env.tsx'
import { PUBLIC_ENV_ELEMENT_ID, readInjectedEnv } from '../../src/public-env-reader.ts'
import { stackEnv } from '../helpers/stack.ts'

const saved = { ...process.env }
afterEach(() => {
  document.getElementById(PUBLIC_ENV_ELEMENT_ID)?.remove()
  process.env = { ...saved }
})

function inject(value: { url: string; anonKey: string }) {
  const script = document.createElement('script')
  script.id = PUBLIC_ENV_ELEMENT_ID
  script.type = 'application/json'
  script.textContent = serializePublicEnv(value)
  document.head.append(script)
}

describe('browser createClient', () => {
  it('uses the settings the server injected at request time', async () => {
    const env = stackEnv()
    inject({ url: env.API_URL, anonKey: env.ANON_KEY })
    process.env.NEXT_PUBLIC_SUPABASE_URL = 'http://127.0.0.1:1'
    expect(readInjectedEnv()).toEqual({ url: env.API_URL, anonKey: env.ANON_KEY })
    const client = createClient()
    // The injected stack answers; the build-time URL (port 1) would not.
    const { error } = await client.auth.getSession()
    expect(error).toBeNull()
    expect(client.realtime.endPoint).toContain(env.API_URL.replace(/^http/, 'ws'))
  })

  it('falls back to NEXT_PUBLIC_* and names what is missing', () => {
    expect(readInjectedEnv()).toBeNull()
    delete process.env.NEXT_PUBLIC_SUPABASE_URL
    expect(() => createClient()).toThrow(/NEXT_PUBLIC_SUPABASE_URL is missing/)
  })

  it('ignores a malformed tag', () => {
    const script = document.createElement('script')
    script.id = PUBLIC_ENV_ELEMENT_ID
    script.type = 'application/json'
    script.textContent = '{not json'
    document.head.append(script)
    expect(readInjectedEnv()).toBeNull()
  })
})
