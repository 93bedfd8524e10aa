import type { StackConfig } from '../config.ts'

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * Where an e-mail link may send the user: the site URL or an allowed redirect URL (same origin,
 * path under the allowed one). Anything else falls back to the site URL, as GoTrue does.
 */
export function allowedRedirect(config: StackConfig, requested: string | null | undefined): string {
  const target = requested ? parse(requested) : null
  if (target && (target.protocol === 'http:' || target.protocol === 'https:')) {
    for (const allowed of [config.siteUrl, ...config.additionalRedirectUrls]) {
      const base = parse(allowed)
      if (
        base &&
        base.origin === target.origin &&
        target.pathname.startsWith(base.pathname.replace(/\/$/, ''))
      ) {
        return target.toString()
      }
    }
  }
  return config.siteUrl
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
