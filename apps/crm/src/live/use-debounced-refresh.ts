'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef } from 'react'

/**
 * Server Components hold the truth, so a change re-renders the page with `router.refresh()`.
 * Bursts (a job and its invoice, a bulk edit) coalesce into one refresh shortly after the last.
 */
export function useDebouncedRefresh(delayMs = 30): () => void {
  const router = useRouter()
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )
  return useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => router.refresh(), delayMs)
  }, [router, delayMs])
}
