export default function Loading() {
  return (
    <div aria-busy="true" className="space-y-4">
      <span className="sr-only">Loading customer…</span>
      <div className="h-10 w-72 animate-pulse rounded bg-slate-200" />
      <div className="h-11 w-full animate-pulse rounded bg-slate-200" />
      <div className="h-64 w-full animate-pulse rounded-xl bg-slate-100" />
    </div>
  )
}
