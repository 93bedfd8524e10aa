// What the page and the service worker (service-worker/sw.ts) agree on. No DOM or worker types
// here: both sides import it.

/** Pages a technician needs without a connection: My day and one visit's screen. */
export const fieldPagePattern = /^\/my-day(?:\/[0-9a-fA-F-]{36})?$/

export function isFieldPagePath(pathname: string): boolean {
  return fieldPagePattern.test(pathname)
}

/** Cache Storage names: pages hold the signed-in technician's data, assets only build files. */
export const fieldCaches = {
  pages: 'crm-field-pages',
  assets: 'crm-field-assets',
  meta: 'crm-field-meta',
} as const

/** IndexedDB databases of the offline queue start with this, one per signed-in user. */
export const offlineDatabasePrefix = 'crm-offline'

/** Where a signed-out visitor lands: fetching it means the cached data must go. */
export const signInPath = '/auth/login'

export type ToServiceWorker =
  /** Save these field pages (and the build files they load) for offline use, for this user. */
  | { type: 'field:save'; id: string; userId: string; paths: string[] }
  /** Drop every cached page and queued change (sign-out). */
  | { type: 'field:forget' }

export type FromServiceWorker =
  | { type: 'field:saved'; id: string; paths: string[]; failed: string[] }
  | { type: 'field:forgotten' }

/** Static build files a page loads, as found in its HTML (scripts, styles, the RSC payload). */
export function staticAssetPaths(html: string): string[] {
  const found = html.match(/\/_next\/static\/[^"'\\\s<>)]+/g) ?? []
  return [...new Set(found)]
}
