'use client'

import { useEffect } from 'react'
import { useOfflineQueue } from './offline-queue-provider.tsx'

/** Saves these field pages on the phone (through the service worker) whenever the list changes. */
export function SaveForOffline({ paths }: { paths: string[] }) {
  const { saveForOffline, online } = useOfflineQueue()
  const key = paths.join('\n')
  useEffect(() => {
    if (online && key) saveForOffline(key.split('\n'))
  }, [key, online, saveForOffline])
  return null
}
