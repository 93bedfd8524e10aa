'use client'

import { Button } from '@repo/ui/button'
import './globals.css'

/** Replaces the root layout when it fails, so it brings its own <html> and styles. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 text-slate-900 antialiased">
        <main className="mx-auto max-w-md px-4 py-16">
          <div className="space-y-2">
            <h1 className="text-2xl font-bold">Something went wrong</h1>
            <p className="text-slate-700">The portal could not load. Please try again.</p>
          </div>
          <Button className="mt-6" onClick={reset}>
            Try again
          </Button>
        </main>
      </body>
    </html>
  )
}
