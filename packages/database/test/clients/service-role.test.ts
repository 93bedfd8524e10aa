import { afterEach, describe, expect, it, vi } from 'vitest'
import { stackEnv } from '../helpers/stack.ts'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  vi.unstubAllGlobals()
  vi.resetModules()
})

describe('@repo/database/service-role', () => {
  it('refuses to load where a browser window exists', async () => {
    vi.stubGlobal('window', {})
    await expect(import('../../src/service-role.ts')).rejects.toThrow(/server-only/)
  })

  it('makes an admin client from the runtime env that bypasses RLS', async () => {
    const env = stackEnv()
    process.env.NEXT_PUBLIC_SUPABASE_URL = env.API_URL
    process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY = env.ANON_KEY
    process.env.SUPABASE_SERVICE_ROLE_KEY = env.SERVICE_ROLE_KEY
    const { createClient } = await import('../../src/service-role.ts')
    const admin = createClient()
    const { error, count } = await admin
      .from('organizations')
      .select('id', { count: 'exact', head: true })
    expect(error).toBeNull()
    expect(typeof count).toBe('number')
  })

  it('names the missing service-role key', async () => {
    const env = stackEnv()
    process.env.NEXT_PUBLIC_SUPABASE_URL = env.API_URL
    process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY = env.ANON_KEY
    delete process.env.SUPABASE_SERVICE_ROLE_KEY
    const { createClient } = await import('../../src/service-role.ts')
    expect(() => createClient()).toThrow(/SUPABASE_SERVICE_ROLE_KEY is missing/)
  })
})
