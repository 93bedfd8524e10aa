'use client'

import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { ExternalToast, ToasterProps } from 'sonner'

export type { ExternalToast, ToasterProps }

// sonner (~9 kB gzip) is not part of any page's first load: the Toaster imports it once the page
// has hydrated, and a toast asked for before that is shown as soon as it is there (sonner hands
// toasts created before its Toaster subscribed to the Toaster when it mounts).
type Sonner = typeof import('sonner')
let sonner: Promise<Sonner> | undefined
const loadSonner = () => {
  sonner ??= import('sonner')
  return sonner
}

type Kind = 'success' | 'error' | 'warning' | 'info' | 'message'
let lastId = 0

function show(kind: Kind, message: ReactNode, options: ExternalToast = {}): string | number {
  // The id is ours, so a caller gets it at once, before sonner has loaded.
  const id = options.id ?? `toast-${++lastId}`
  void loadSonner().then(({ toast }) => toast[kind](message, { ...options, id }))
  return id
}

/** sonner's toast API (the kinds the apps use), loading sonner on first use. */
export const toast = {
  message: (message: ReactNode, options?: ExternalToast) => show('message', message, options),
  success: (message: ReactNode, options?: ExternalToast) => show('success', message, options),
  error: (message: ReactNode, options?: ExternalToast) => show('error', message, options),
  warning: (message: ReactNode, options?: ExternalToast) => show('warning', message, options),
  info: (message: ReactNode, options?: ExternalToast) => show('info', message, options),
  dismiss: (id?: string | number) => {
    void loadSonner().then(({ toast }) => toast.dismiss(id))
  },
}

/** sonner's Toaster, rendered once sonner has loaded after hydration. */
export function Toaster(props: ToasterProps) {
  const [Loaded, setLoaded] = useState<Sonner['Toaster'] | null>(null)
  useEffect(() => {
    let mounted = true
    void loadSonner().then((module) => {
      if (mounted) setLoaded(() => module.Toaster)
    })
    return () => {
      mounted = false
    }
  }, [])
  return Loaded ? <Loaded {...props} /> : null
}
