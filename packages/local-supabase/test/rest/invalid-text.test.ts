import net from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import { stackEnv, withPg } from '../helpers.ts'
import { createTestUser, restFetch, type TestUser } from './rest-helpers.ts'

/** Sessions that ended other than by the client saying goodbye: a dropped connection counts here. */
const brokenSessions = () =>
  withPg(async (db) => {
    const { rows } = await db.query<{ n: string }>(
      `select (sessions_abandoned + sessions_fatal + sessions_killed)::text as n
       from pg_stat_database where datname = current_database()`,
    )
    return Number(rows[0]?.n)
  })

/** One raw HTTP/1.1 request, so header bytes reach the server exactly as written. */
function rawGet(path: string, headerValue: Buffer): Promise<{ status: number; body: string }> {
  const env = stackEnv()
  const url = new URL(env.API_URL)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(
        Buffer.concat([
          Buffer.from(
            `GET /rest/v1${path} HTTP/1.1\r\nHost: ${url.host}\r\napikey: ${env.ANON_KEY}\r\nX-Custom: `,
          ),
          headerValue,
          Buffer.from('\r\nConnection: close\r\n\r\n'),
        ]),
      )
    })
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1])
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) })
    })
  })
}

describe('REST: text PostgreSQL cannot hold is refused with a 400 before any SQL', () => {
  let user: TestUser
  let auth: Record<string, string>
  beforeAll(async () => {
    user = await createTestUser('text')
    auth = { Authorization: `Bearer ${user.token}` }
  })

  const nulCases: Array<[string, string]> = [
    ['a quoted JSON-path key in select', '/rest_items?select=meta->>"a%00b"'],
    ['a JSON-path key in a filter', '/rest_items?meta->>"a%00b"=eq.1'],
    ['a JSON-path key in order', '/rest_items?order=meta->"a%00b"'],
    ['a quoted alias', '/rest_items?select="a%00b":id'],
    ['a filter value', '/rest_items?sku=eq.a%00b'],
    ['an in-list value', '/rest_items?sku=in.(a,b%00)'],
    ['a logic-tree value', '/rest_items?or=(sku.eq.a%00b,qty.eq.1)'],
    ['an rpc argument', '/rpc/rest_overloaded?b=x%00'],
  ]

  for (const [name, path] of nulCases) {
    it(`a NUL in ${name} is 400 PGRST100; the database connection is kept`, async () => {
      const before = await brokenSessions()
      const res = await restFetch(path, { headers: auth })
      expect(res.status).toBe(400)
      expect(res.json.code).toBe('PGRST100')
      expect(res.json.message).toMatch(/NUL character/)
      const next = await restFetch('/rest_items?select=id&limit=1', { headers: auth })
      expect(next.status).toBe(200)
      expect(await brokenSessions()).toBe(before)
    })
  }

  it('percent-encoded bytes that are not UTF-8 are refused, not read as U+FFFD', async () => {
    for (const value of ['%FF', 'a%C3', '%ED%A0%80']) {
      const res = await restFetch(`/rest_items?sku=eq.${value}`, { headers: auth })
      expect(res.status, value).toBe(400)
      expect(res.json.code, value).toBe('PGRST100')
      expect(res.json.message, value).toMatch(/not valid UTF-8/)
    }
    // A `%` that starts no escape stays a literal character, as URLSearchParams reads it.
    const literal = await restFetch('/rest_items?select=id&sku=like.100%', { headers: auth })
    expect(literal.status).toBe(200)
    const encoded = await restFetch(`/rest_items?select=id&sku=eq.${encodeURIComponent('é😀')}`, {
      headers: auth,
    })
    expect(encoded.status).toBe(200)
  })

  it('a header with a NUL byte is refused by the HTTP layer; other bytes pass through as read', async () => {
    const before = await brokenSessions()
    const nul = await rawGet('/rpc/rest_whoami', Buffer.from('a\0b', 'latin1'))
    expect(nul.status).toBe(400)
    // Node reads header bytes as Latin-1, so every byte is a character Postgres can hold.
    const bytes = Buffer.from([0x61, 0xff, 0xc3, 0xa9, 0x62])
    const high = await rawGet('/rpc/rest_whoami', bytes)
    expect(high.status).toBe(200)
    expect(JSON.parse(high.body).custom_header).toBe(bytes.toString('latin1'))
    expect(await brokenSessions()).toBe(before)
  })
})
