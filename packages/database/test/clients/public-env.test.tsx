import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it } from 'vitest'
import { PublicSupabaseEnv, serializePublicEnv } from '../../src/public-env.tsx'

const key = 'eyJhbGciOiJIUzI1NiJ9.this-is-a-long-enough-key'
const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

describe('PublicSupabaseEnv', () => {
  it('emits the request-time URL and anon key as JSON, and never the service-role key', () => {
    process.env.NEXT_PUBLIC_SUPABASE_URL = 'http://127.0.0.1:61234'
    process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY = key
    process.env.SUPABASE_SERVICE_ROLE_KEY = 'service-role-secret-that-must-not-leak'
    const html = renderToStaticMarkup(<PublicSupabaseEnv />)
    expect(html).toContain('id="supabase-public-env"')
    expect(html).toContain('type="application/json"')
    const json = html.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '')
    expect(JSON.parse(json)).toEqual({ url: 'http://127.0.0.1:61234', anonKey: key })
    expect(html).not.toContain('service-role-secret')
  })

  it('escapes markup so a value cannot close the script element', () => {
    const text = serializePublicEnv({
      url: 'http://x</script><script>alert(1)</script>',
      anonKey: key,
    })
    expect(text).not.toContain('</script>')
    expect(JSON.parse(text).url).toBe('http://x</script><script>alert(1)</script>')
  })

  it('fails with the variable named when the env is incomplete', () => {
    delete process.env.NEXT_PUBLIC_SUPABASE_URL
    expect(() => renderToStaticMarkup(<PublicSupabaseEnv />)).toThrow(
      /NEXT_PUBLIC_SUPABASE_URL is missing/,
    )
  })
})
