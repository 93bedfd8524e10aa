'use client'

import { useEffect, useState } from 'react'

export type RealtimeCore = typeof import('../core/subscriptions.ts')

let loading: Promise<RealtimeCore> | null = null
let loaded: RealtimeCore | null = null

/** Starts loading the channel code (once per page); the provider calls it beside the client. */
export function loadRealtimeCore(): Promise<RealtimeCore> {
  loading ??= import('../core/subscriptions.ts').then((core) => {
    loaded = core
    return core
  })
  return loading
}

/** The channel code once it has loaded (null until then; at once on later mounts). */
export function useRealtimeCore(): RealtimeCore | null {
  const [core, setCore] = useState<RealtimeCore | null>(loaded)
  useEffect(() => {
    if (core) return
    let live = true
    loadRealtimeCore().then(
      (next) => {
        if (live) setCore(next)
      },
      (error: unknown) => console.error('loading the realtime code failed', error),
    )
    return () => {
      live = false
    }
  }, [core])
  return core
}
