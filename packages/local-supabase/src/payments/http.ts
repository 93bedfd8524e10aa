import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from '../http/io.ts'
import type { JwtTools } from '../jwt.ts'

/** A Stripe-like error body: `{ error: { type, message } }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
): void {
  sendJson(res, status, { error: { type, message } })
}

/**
 * `redirectTo`: the origins a form post on the page may end at. A browser applies `form-action` to
 * the redirect after the post too, so the session's success URL (another site) must be listed.
 */
export function sendHtml(res: ServerResponse, status: number, html: string, redirectTo: readonly string[] = []): void {
  const formAction = ["'self'", ...redirectTo].join(' ')
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    // Inline CSS only; no scripts, frames or third-party requests; forms post back here (and the
    // paid checkout then redirects to the business's success page).
    'content-security-policy':
      `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'`,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  })
  res.end(html)
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': 0, 'cache-control': 'no-store' })
  res.end()
}

function bearer(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  return match?.[1] ?? null
}

/** The server-to-server endpoints take the service-role key (`Authorization: Bearer` or `apikey`). */
export async function isServiceRole(req: IncomingMessage, jwt: JwtTools): Promise<boolean> {
  const apikey = req.headers.apikey
  for (const token of [bearer(req), typeof apikey === 'string' ? apikey : null]) {
    if (!token) continue
    const verified = await jwt.verify(token)
    if (verified.ok && verified.claims.role === 'service_role') return true
  }
  return false
}

/** Stripe's `{CHECKOUT_SESSION_ID}` template in a success URL, filled in (raw or percent-encoded). */
export function successUrlFor(successUrl: string, sessionId: string): string {
  return successUrl
    .replaceAll('{CHECKOUT_SESSION_ID}', sessionId)
    .replace(/%7BCHECKOUT_SESSION_ID%7D/gi, sessionId)
}

/** The origin of a session's success URL, for `sendHtml`'s `redirectTo`. */
export function originOf(url: string): string[] {
  try {
    return [new URL(url).origin]
  } catch {
    return []
  }
}
