import http from 'node:http'
import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { stackEnv } from '../helpers.ts'
import { latestMail, PASSWORD, signedUpUser } from './auth-helpers.ts'

interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A request with headers fetch() would not let us forge (Host), as a rebinding page sends them. */
function request(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const api = new URL(stackEnv().API_URL)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: api.hostname,
        port: api.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const FOREIGN_HOST = 'evil.example:54321'

describe('no account takeover through the mailbox, CORS or the Host header', () => {
  it('the mailbox answers without CORS headers, even to an app origin', async () => {
    const { email } = await signedUpUser('mailbox-cors')
    const res = await request(`/auth/v1/_mailbox?email=${encodeURIComponent(email)}`, {
      headers: { origin: 'http://localhost:3001' },
    })
    expect(res.status).toBe(200)
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    const pre = await request('/auth/v1/_mailbox', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3001', 'access-control-request-method': 'GET' },
    })
    expect(Object.keys(pre.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('the mailbox refuses a request addressed to a foreign host name (DNS rebinding)', async () => {
    const { email } = await signedUpUser('mailbox-rebinding')
    const res = await request(`/auth/v1/_mailbox?email=${encodeURIComponent(email)}`, {
      headers: { host: FOREIGN_HOST },
    })
    expect(res.status).toBe(403)
    expect(res.body).not.toContain(email)
  })

  it('links in mails name the API URL, never the Host the request carried', async () => {
    const { email } = await signedUpUser('recover-host')
    const res = await request('/auth/v1/recover', {
      method: 'POST',
      headers: {
        host: FOREIGN_HOST,
        apikey: stackEnv().ANON_KEY,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ email }),
    })
    expect(res.status).toBe(200)
    const mail = await latestMail(email)
    expect(mail.link.startsWith(`${stackEnv().API_URL}/auth/v1/verify?`)).toBe(true)
    expect(mail.link).not.toContain('evil.example')
  })

  it('tokens are issued by the API URL, never by the Host the request carried', async () => {
    const { email } = await signedUpUser('iss-host')
    const res = await request('/auth/v1/token?grant_type=password', {
      method: 'POST',
      headers: {
        host: FOREIGN_HOST,
        apikey: stackEnv().ANON_KEY,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
    expect(res.status).toBe(200)
    const token = (JSON.parse(res.body) as { access_token: string }).access_token
    expect(decodeJwt(token).iss).toBe(`${stackEnv().API_URL}/auth/v1`)
  })
})
