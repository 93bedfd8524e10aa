import { Skeleton } from '@repo/ui/skeleton'

export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-3">
      <span className="sr-only">Loading customers…</span>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-11 w-full" />
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full bg-slate-100" />
      ))}
    </div>
  )
}
