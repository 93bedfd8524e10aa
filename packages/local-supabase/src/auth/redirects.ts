import { isIP } from 'node:net'
import type { StackConfig } from '../config.ts'

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

const DECIMAL_IP = /^[0-9]+$/
const REGULAR_HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/

const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i

/**
 * The host as written, as Go's url.Hostname() reads it (the WHATWG parser would turn
 * `2130706433` into `127.0.0.1`), without the brackets of an IPv6 address.
 */
function rawHost(url: string): string {
  return (AUTHORITY.exec(url)?.[1] ?? '').replace(/^\[(.*)\]$/, '$1')
}

const isLoopbackIp = (host: string) =>
  isIP(host) === 4
    ? host.startsWith('127.')
    : isIP(host) === 6 && (host === '::1' || host === '0:0:0:0:0:0:0:1')

const isLocalhost = (host: string) => host === 'localhost' || isLoopbackIp(host)

/**
 * An `additional_redirect_urls` entry as the glob GoTrue compiles it (gobwas/glob with `.` and
 * `/` as separators): `*` stops at them, `**` does not, `?` is one character, `{a,b}` a choice,
 * `[...]` a class; anything else is literal, so an entry without wildcards allows only itself.
 */
export function globPattern(glob: string): RegExp {
  let out = ''
  let braces = 0
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*') {
      if (glob[i + 1] === '*') {
        out += '.*'
        i++
      } else out += '[^./]*'
    } else if (c === '?') out += '[^./]'
    else if (c === '{') {
      braces++
      out += '(?:'
    } else if (c === '}' && braces > 0) {
      braces--
      out += ')'
    } else if (c === ',' && braces > 0) out += '|'
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1)
      if (close === -1) out += '\\['
      else {
        const body = glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')
        out += `[${body}]`
        i = close
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      out += (glob[++i] as string).replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
    } else out += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
  }
  try {
    return new RegExp(`^${out}$`)
  } catch {
    return /$^/
  }
}

/**
 * GoTrue's IsRedirectURLValid: the site's own scheme, host and port (any port on localhost or a
 * loopback address), a loopback IP literal, or a match of an `additional_redirect_urls` glob
 * (without the fragment). Control characters, decimal-IP hosts and odd host names never pass.
 */
export function isRedirectAllowed(config: StackConfig, requested: string): boolean {
  if (requested === '' || [...requested].some((c) => c <= ' ' || c === '\x7f')) return false
  const base = parse(config.siteUrl)
  const target = parse(requested)
  if (!base || !target) return false
  const host = rawHost(requested)
  if (
    rawHost(config.siteUrl) === host &&
    base.protocol === target.protocol &&
    (base.port === target.port || isLocalhost(host))
  ) {
    return true
  }
  const isHttp = target.protocol === 'http:' || target.protocol === 'https:'
  if (DECIMAL_IP.test(host)) return false
  if (isIP(host)) return isLoopbackIp(host)
  if (isHttp && !REGULAR_HOSTNAME.test(host)) return false
  const withoutFragment = requested.split('#')[0] as string
  return config.additionalRedirectUrls.some((glob) => globPattern(glob).test(withoutFragment))
}

/** Where an e-mail link may send the user: the requested URL when allowed, else the site URL. */
export function allowedRedirect(config: StackConfig, requested: string | null | undefined): string {
  return requested && isRedirectAllowed(config, requested) ? requested : config.siteUrl
}

/** Adds parameters to the fragment (implicit flow) or the query (PKCE, errors) of a URL. */
export function withParams(
  url: string,
  params: Record<string, string>,
  where: 'hash' | 'query',
): string {
  const target = new URL(url)
  const encoded = new URLSearchParams(params).toString()
  if (where === 'hash') target.hash = encoded
  else for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v)
  return target.toString()
}
