'use client'

import { Button } from '@repo/ui/button'

export default function CrmError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6">
      <h2 className="text-lg font-semibold text-red-900">This page could not load</h2>
      <p className="mt-1 text-sm text-red-900">
        {error.digest ? `Reference ${error.digest}. ` : ''}Check your connection and try again.
      </p>
      <Button variant="danger" onClick={reset} className="mt-4">
        Try again
      </Button>
    </div>
  )
}
