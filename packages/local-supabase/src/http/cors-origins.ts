/** Which browser origins may read the API's answers, and which paths never grant CORS at all. */
export interface CorsPolicy {
  allows(origin: string): boolean
  /** Paths (without query) that answer no CORS headers whatever the origin. */
  isExempt(pathname: string): boolean
}

interface OriginPattern {
  protocol: string
  hostname: string
  /** Null for `:*` (any port). */
  port: string | null
}

function parsePattern(entry: string): OriginPattern {
  const anyPort = entry.endsWith(':*')
  const url = new URL(anyPort ? `${entry.slice(0, -2)}:1` : entry)
  return { protocol: url.protocol, hostname: url.hostname, port: anyPort ? null : url.port }
}

function parseOrigin(origin: string): URL | null {
  // "null" (sandboxed frames, file://) and anything that is not http(s) is never an app.
  if (!/^https?:\/\//i.test(origin)) return null
  try {
    const url = new URL(origin)
    return url.origin === origin.toLowerCase().replace(/\/$/, '') ? url : null
  } catch {
    return null
  }
}

const trimSlashes = (path: string) => path.replace(/\/+$/, '') || '/'

export function createCorsPolicy(
  origins: readonly string[],
  options: { exemptPaths?: readonly string[] } = {},
): CorsPolicy {
  const patterns = origins.map(parsePattern)
  const exempt = new Set((options.exemptPaths ?? []).map(trimSlashes))
  return {
    allows(origin) {
      const url = parseOrigin(origin)
      if (!url) return false
      return patterns.some(
        (p) =>
          p.protocol === url.protocol &&
          p.hostname === url.hostname &&
          (p.port === null || p.port === url.port),
      )
    },
    isExempt: (pathname) => exempt.has(trimSlashes(pathname)),
  }
}
