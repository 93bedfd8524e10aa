import http from 'node:http'
import { stackEnv } from '../helpers.ts'

export {
  anonClient,
  clientWithToken,
  createTestUser,
  mintToken,
  serviceClient,
} from '../rest/rest-helpers.ts'

/** Raw fetch against /storage/v1 (headers as given: no key unless the test sends one). */
export async function storageFetch(path: string, init: RequestInit = {}) {
  const res = await fetch(`${stackEnv().API_URL}/storage/v1${path}`, init)
  const body = Buffer.from(await res.arrayBuffer())
  let json: Record<string, unknown> | null = null
  try {
    json = JSON.parse(body.toString('utf8')) as Record<string, unknown>
  } catch {
    json = null
  }
  return { status: res.status, headers: res.headers, body, json }
}

export const bearer = (token: string) => ({
  authorization: `Bearer ${token}`,
  apikey: stackEnv().ANON_KEY,
})

/**
 * A request whose path is sent exactly as written: fetch (WHATWG URL) resolves `..` and `.`
 * segments before sending, so traversal attempts need a raw request.
 */
export function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const api = new URL(stackEnv().API_URL)
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: api.hostname, port: api.port, method, path: `/storage/v1${path}`, headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          let json: Record<string, unknown> | null = null
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
          } catch {
            json = null
          }
          resolve({ status: res.statusCode ?? 0, json })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
