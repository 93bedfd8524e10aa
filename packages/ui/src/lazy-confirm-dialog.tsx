'use client'

import { lazy, Suspense, useState } from 'react'
import type { ConfirmDialogProps } from './confirm-dialog.tsx'

export type { ConfirmDialogProps }

// The dialog code (Radix AlertDialog, ~15 kB gzipped) loads when someone first asks for it, not
// with every page that offers a destructive action.
const ConfirmDialog = lazy(() => import('./confirm-dialog.tsx').then((m) => ({ default: m.ConfirmDialog })))

/** A ConfirmDialog that is loaded and mounted the first time it opens. */
export function LazyConfirmDialog(props: ConfirmDialogProps) {
  const [wanted, setWanted] = useState(props.open)
  if (props.open && !wanted) setWanted(true)
  if (!wanted) return null
  return (
    <Suspense fallback={null}>
      <ConfirmDialog {...props} />
    </Suspense>
  )
}
