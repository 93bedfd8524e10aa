'use client'

import { Button } from '@repo/ui/button'
import { Card } from '@repo/ui/card'

/** Keeps the header and navigation usable when one page fails to load. */
export default function PortalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card role="alert" className="border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">This page could not load</h1>
      <p className="mt-1 text-sm text-red-900">Check your connection and try again.</p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </Card>
  )
}
