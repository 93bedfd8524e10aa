'use client'

import { retryDelayMs } from '@repo/domain/field-work'
import { useRouter } from 'next/navigation'
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { toast } from 'sonner'
import { registerFieldKinds } from './field/register-field-kinds.ts'
import type { OpenedStore } from './queue/action-store.ts'
import { actionKind } from './queue/registry.ts'
import {
  enqueueAction,
  type NewAction,
  resolveConflict,
  retryOrDiscard,
  sendQueued,
} from './queue/run-queue.ts'
import type { QueuedAction, RecordVersion } from './queue/types.ts'
import { type OfflineCopy, registerServiceWorker, saveForOffline } from './service-worker-client.ts'

interface OfflineQueue {
  /** The queue was read from IndexedDB. */
  ready: boolean
  online: boolean
  actions: QueuedAction[]
  known: Record<string, RecordVersion>
  offlineCopy: OfflineCopy
  enqueue<P>(action: NewAction<P>): Promise<void>
  resolve(recordId: string, choice: 'mine' | 'theirs'): Promise<void>
  retryOrDiscard(key: string, choice: 'retry' | 'discard'): Promise<void>
  saveForOffline(paths: string[]): void
}

const OfflineQueueContext = createContext<OfflineQueue | null>(null)

registerFieldKinds()

/**
 * The technician's offline queue for the field screens: changes are kept in IndexedDB, sent in
 * order at once when there is a connection, and again when it returns (the `online` event, and
 * retries with back-off while the server cannot be reached).
 */
export function OfflineQueueProvider({
  userId,
  children,
}: {
  userId: string
  children: ReactNode
}) {
  const router = useRouter()
  const store = useRef<OpenedStore | null>(null)
  const running = useRef(false)
  const again = useRef(false)
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const [ready, setReady] = useState(false)
  const [online, setOnline] = useState(true)
  const [actions, setActions] = useState<QueuedAction[]>([])
  const [known, setKnown] = useState<Record<string, RecordVersion>>({})
  const [offlineCopy, setOfflineCopy] = useState<OfflineCopy>('none')

  const reload = useCallback(async () => {
    const s = store.current
    if (!s) return
    const [all, versions] = await Promise.all([s.all(), s.knownVersions()])
    setActions(all)
    setKnown(versions)
  }, [])

  const save = useCallback(
    (paths: string[]) => saveForOffline(userId, paths, setOfflineCopy),
    [userId],
  )

  const flush = useCallback(async () => {
    const s = store.current
    if (!s || !navigator.onLine) return
    if (running.current) {
      again.current = true
      return
    }
    running.current = true
    clearTimeout(retryTimer.current)
    try {
      do {
        again.current = false
        const report = await sendQueued(s, actionKind)
        await reload()
        if (report.sent.length > 0) {
          const jobs = [...new Set(report.sent.map((sent) => sent.action.recordId))]
          save(['/my-day', ...jobs.map((id) => `/my-day/${id}`)])
          for (const sent of report.sent) if (sent.message) toast.success(sent.message)
          router.refresh()
        }
        if (report.unreachable) {
          const failures = (await s.all()).find((a) => a.state === 'waiting')?.failures ?? 1
          retryTimer.current = setTimeout(() => void flush(), retryDelayMs(failures))
        }
      } while (again.current)
    } finally {
      running.current = false
    }
  }, [reload, router, save])

  useEffect(() => {
    let cancelled = false
    registerServiceWorker()
    setOnline(navigator.onLine)
    void import('./queue/action-store.ts').then(async ({ openActionStore }) => {
      const opened = await openActionStore(userId)
      if (cancelled) return opened.close()
      store.current = opened
      await reload()
      setReady(true)
      void flush()
    })
    const wentOnline = () => {
      setOnline(true)
      void flush()
    }
    const wentOffline = () => setOnline(false)
    window.addEventListener('online', wentOnline)
    window.addEventListener('offline', wentOffline)
    return () => {
      cancelled = true
      window.removeEventListener('online', wentOnline)
      window.removeEventListener('offline', wentOffline)
      clearTimeout(retryTimer.current)
      store.current?.close()
      store.current = null
    }
  }, [userId, reload, flush])

  const value = useMemo<OfflineQueue>(
    () => ({
      ready,
      online,
      actions,
      known,
      offlineCopy,
      enqueue: async (action) => {
        const s = store.current
        if (!s) throw new Error('The offline queue is not open yet.')
        await enqueueAction(s, action)
        await reload()
        void flush()
      },
      resolve: async (recordId, choice) => {
        if (!store.current) return
        await resolveConflict(store.current, recordId, choice)
        await reload()
        if (choice === 'theirs') router.refresh()
        void flush()
      },
      retryOrDiscard: async (key, choice) => {
        if (!store.current) return
        await retryOrDiscard(store.current, key, choice)
        await reload()
        void flush()
      },
      saveForOffline: save,
    }),
    [ready, online, actions, known, offlineCopy, reload, flush, router, save],
  )
  return <OfflineQueueContext.Provider value={value}>{children}</OfflineQueueContext.Provider>
}

export function useOfflineQueue(): OfflineQueue {
  const queue = useContext(OfflineQueueContext)
  if (!queue) throw new Error('useOfflineQueue needs an OfflineQueueProvider (the My day layout)')
  return queue
}
