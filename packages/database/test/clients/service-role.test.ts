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

  it('works with the publishable and secret keys under their template names', async () => {
    const env = stackEnv()
    process.env.NEXT_PUBLIC_SUPABASE_URL = env.API_URL
    delete process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY
    delete process.env.SUPABASE_SERVICE_ROLE_KEY
    process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = env.PUBLISHABLE_KEY
    process.env.SUPABASE_SECRET_KEY = env.SECRET_KEY
    const { createClient } = await import('../../src/service-role.ts')
    const admin = createClient()
    // Admin-only: a publishable key here would be refused with not_admin.
    const { data, error } = await admin.auth.admin.listUsers({ perPage: 1 })
    expect(error).toBeNull()
    expect(Array.isArray(data.users)).toBe(true)
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
