'use client'

export default function CrmError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6">
      <h2 className="text-lg font-semibold text-red-900">This page could not load</h2>
      <p className="mt-1 text-sm text-red-900">
        {error.digest ? `Reference ${error.digest}. ` : ''}Check your connection and try again.
      </p>
      <button type="button" onClick={reset} className="mt-4 min-h-11 rounded-lg bg-red-700 px-4 font-semibold text-white hover:bg-red-800">
        Try again
      </button>
    </div>
  )
}
