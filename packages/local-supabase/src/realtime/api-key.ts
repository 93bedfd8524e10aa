import type { IncomingMessage } from 'node:http'
import type { JwtTools } from '../jwt.ts'

export type ApiKeyCheck = { ok: true; apikey: string } | { ok: false; message: string }

export function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name]
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null)
}

/**
 * The `apikey` (query parameter, else header) that the WebSocket and the REST broadcast API both
 * require, as Supabase's gateway does: it must be a JWT signed with the stack's secret.
 */
export async function checkApiKey(
  jwt: JwtTools,
  req: IncomingMessage,
  url: URL,
): Promise<ApiKeyCheck> {
  const apikey = url.searchParams.get('apikey') ?? headerValue(req, 'apikey')
  if (!apikey) return { ok: false, message: 'No API key found in request' }
  const verified = await jwt.verify(apikey)
  if (!verified.ok) return { ok: false, message: `Invalid API key: ${verified.message}` }
  return { ok: true, apikey }
}
