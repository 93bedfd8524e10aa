import { Skeleton } from '@repo/ui/skeleton'

export default function Loading() {
  return (
    <div aria-busy="true" className="space-y-4">
      <span className="sr-only">Loading customer…</span>
      <Skeleton className="h-10 w-72 max-w-full" />
      <Skeleton className="h-11 w-full" />
      <Skeleton className="h-64 w-full rounded-xl bg-slate-100" />
    </div>
  )
}
