import type { FromServiceWorker, ToServiceWorker } from './offline-contract.ts'

/** Whether the field pages are saved on this phone: `none` in dev builds (no service worker). */
export type OfflineCopy = 'none' | 'saving' | 'saved' | 'failed'

const enabled = () => process.env.NODE_ENV === 'production' && 'serviceWorker' in navigator

/** Registers /sw.js (production builds only; the field screens call this, no other page does). */
export function registerServiceWorker(): void {
  if (!enabled()) return
  void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined)
}

/** Asks the service worker to save these field pages for this user, and reports how it went. */
export function saveForOffline(
  userId: string,
  paths: string[],
  report: (copy: OfflineCopy) => void,
): void {
  if (!enabled()) return
  report('saving')
  const id = crypto.randomUUID()
  void navigator.serviceWorker.ready.then((registration) => {
    const worker = registration.active
    if (!worker) return report('failed')
    const answered = (event: MessageEvent<FromServiceWorker>) => {
      if (event.data?.type !== 'field:saved' || event.data.id !== id) return
      navigator.serviceWorker.removeEventListener('message', answered)
      report(event.data.failed.length === 0 ? 'saved' : 'failed')
    }
    navigator.serviceWorker.addEventListener('message', answered)
    const message: ToServiceWorker = { type: 'field:save', id, userId, paths }
    worker.postMessage(message)
  })
}
