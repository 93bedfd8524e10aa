// The CRM's service worker (production builds only; bundled by build.mjs into public/sw.js).
// It keeps the technician's field pages (My day and the visits of today and tomorrow) and the
// build files they load, so those screens open without a connection. It caches nothing else:
// no other page, no API (Supabase is another origin and never passes through here), no auth
// route, no POST (Server Actions), and it drops the technician's pages and queued changes as soon
// as the sign-in page is fetched (sign-out, or an expired session).

import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, type SerwistPlugin } from 'serwist'
import {
  type FromServiceWorker,
  fieldCaches,
  isFieldPagePath,
  offlineDatabasePrefix,
  signInPath,
  staticAssetPaths,
  type ToServiceWorker,
} from '../src/offline/offline-contract.ts'

declare const self: ServiceWorkerGlobalScope

const ownerKey = '/__field-owner'

/** Only a page answered for its own address: a redirect (to sign-in) is never kept as the page. */
const onlyTheRequestedPage: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) =>
    response.ok && !response.redirected && response.type === 'basic' ? response : null,
}

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // Opening a field page: the network first (fresh data), the saved copy without a connection.
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === 'navigate' && isFieldPagePath(url.pathname),
      handler: new NetworkFirst({
        cacheName: fieldCaches.pages,
        networkTimeoutSeconds: 6,
        plugins: [onlyTheRequestedPage],
        matchOptions: { ignoreVary: true },
      }),
    },
    {
      // Build files are content-hashed: a saved one never goes stale.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({
        cacheName: fieldCaches.assets,
        plugins: [
          onlyTheRequestedPage,
          new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 14 * 86_400 }),
        ],
      }),
    },
  ],
})

self.addEventListener('fetch', (event) => {
  const { request } = event
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (url.pathname === signInPath && request.method === 'GET') {
    // Not answered here: the network serves the sign-in page; the cached data goes meanwhile.
    event.waitUntil(forgetEverything())
  } else if (request.method === 'POST' && request.headers.has('next-action')) {
    // A Server Action that ends on the sign-in page (Sign out) brings that page in its own
    // answer, with no request for it: its redirect header is the sign.
    event.respondWith(
      fetch(request).then(async (response) => {
        if (response.headers.get('x-action-redirect')?.startsWith(signInPath)) {
          await forgetEverything()
        }
        return response
      }),
    )
  }
})

self.addEventListener('message', (event) => {
  const data = event.data as ToServiceWorker | undefined
  const reply = (message: FromServiceWorker) => event.source?.postMessage(message)
  if (data?.type === 'field:save') {
    event.waitUntil(
      savePages(data.userId, data.paths).then(({ saved, failed }) =>
        reply({ type: 'field:saved', id: data.id, paths: saved, failed }),
      ),
    )
  } else if (data?.type === 'field:forget') {
    event.waitUntil(forgetEverything().then(() => reply({ type: 'field:forgotten' })))
  }
})

serwist.addEventListeners()

/** Fetches each field page now and keeps it with the build files it loads. */
async function savePages(
  userId: string,
  paths: string[],
): Promise<{ saved: string[]; failed: string[] }> {
  await claimFor(userId)
  const pages = await caches.open(fieldCaches.pages)
  const assets = await caches.open(fieldCaches.assets)
  const saved: string[] = []
  const failed: string[] = []
  for (const path of paths.filter(isFieldPagePath)) {
    try {
      const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' })
      if (!response.ok || response.redirected) throw new Error(`${response.status}`)
      await pages.put(path, response.clone())
      for (const asset of staticAssetPaths(await response.text())) {
        if (await assets.match(asset)) continue
        const file = await fetch(asset, { credentials: 'same-origin' })
        if (file.ok) await assets.put(asset, file)
      }
      saved.push(path)
    } catch {
      failed.push(path)
    }
  }
  return { saved, failed }
}

/** The saved pages belong to one user; another user's arrival clears them first. */
async function claimFor(userId: string): Promise<void> {
  const meta = await caches.open(fieldCaches.meta)
  const owner = await (await meta.match(ownerKey))?.text()
  if (owner !== undefined && owner !== userId) await forgetEverything()
  await (await caches.open(fieldCaches.meta)).put(ownerKey, new Response(userId))
}

/** Drops the technician's pages and every offline queue database (build files are not theirs). */
async function forgetEverything(): Promise<void> {
  await caches.delete(fieldCaches.pages)
  await caches.delete(fieldCaches.meta)
  const databases = (await indexedDB.databases?.()) ?? []
  await Promise.all(
    databases
      .map((db) => db.name)
      .filter((name): name is string => !!name?.startsWith(offlineDatabasePrefix))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name)
            request.onsuccess = request.onerror = request.onblocked = () => resolve()
          }),
      ),
  )
}
