import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/** `::ffff:127.0.0.1` is 127.0.0.1; `[::1]:443` or `1.2.3.4:80` (some proxies add ports) lose the port. */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1] as string
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'))
  value = value.toLowerCase()
  if (value.startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7)
  return isIP(value) === 0 ? null : value
}

/**
 * The address a request comes from: the socket's peer, unless that peer is a trusted proxy; then
 * the nearest `X-Forwarded-For` hop that is not one (entries further left were written by the
 * client itself and prove nothing).
 */
export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const peer = normaliseAddress(req.socket.remoteAddress ?? '') ?? 'unknown'
  if (!trustedProxies.has(peer)) return peer
  const header = req.headers['x-forwarded-for']
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = normaliseAddress(hops[i] as string)
    if (hop === null) return peer
    if (!trustedProxies.has(hop)) return hop
  }
  return peer
}

export function isLoopback(address: string): boolean {
  return address === '::1' || (isIP(address) === 4 && address.startsWith('127.'))
}

/**
 * The key an address is counted under: IPv4 as is, IPv6 by its /64, since one subscriber usually
 * holds a whole /64 and could otherwise take a fresh address for every attempt.
 */
export function rateLimitKey(address: string): string {
  if (isIP(address) !== 6) return address
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
