import { stackEnv } from '../helpers.ts'

export { anonClient, clientWithToken, createTestUser, mintToken, serviceClient } from '../rest/rest-helpers.ts'

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

export const bearer = (token: string) => ({ authorization: `Bearer ${token}`, apikey: stackEnv().ANON_KEY })
