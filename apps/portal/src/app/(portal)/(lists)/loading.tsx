import { Skeleton } from '@repo/ui/skeleton'

// Only the list pages stream behind this skeleton (the `(lists)` group). A Suspense boundary sends
// the layout with HTTP 200 before the page has run, so a record page (appointments/[id],
// invoices/[id]) renders outside it: its notFound() then still answers 404.
export default function Loading() {
  return (
    <div className="space-y-4" role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-28" />
      <Skeleton className="h-28" />
    </div>
  )
}
