import { Card } from '@repo/ui/card'
import type { ReactNode } from 'react'

/** Centered card used by every auth page; one h1 per page for screen readers. */
export function AuthShell({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-start justify-center bg-slate-50 px-4 py-10 sm:items-center">
      <Card aria-labelledby="auth-title" className="w-full max-w-sm space-y-6 rounded-2xl p-6">
        <div className="space-y-1">
          <p className="text-sm font-semibold text-sky-800">Customer portal</p>
          <h1 id="auth-title" className="text-2xl font-bold text-slate-900">
            {title}
          </h1>
          {intro ? <p className="text-sm text-slate-700">{intro}</p> : null}
        </div>
        {children}
      </Card>
    </main>
  )
}
