import { Card } from '@repo/ui/card'
import type { ReactNode } from 'react'

/** The unsubscribe pages' card: reached from an e-mail, without signing in. */
export function UnsubscribeShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-start justify-center bg-slate-50 px-4 py-10 sm:items-center">
      <Card
        aria-labelledby="unsubscribe-title"
        className="w-full max-w-md space-y-4 rounded-2xl p-6"
      >
        <p className="text-sm font-semibold text-sky-800">E-mail and text preferences</p>
        <h1 id="unsubscribe-title" className="text-2xl font-bold text-slate-900">
          {title}
        </h1>
        {children}
      </Card>
    </main>
  )
}

/** A link that is not ours (changed, cut short, or signed with another key). */
export function InvalidLink() {
  return (
    <UnsubscribeShell title="This link does not work">
      <p className="text-sm text-slate-700">
        The unsubscribe link is incomplete or was changed. Use the link from the e-mail as it is, or
        change your preferences in your profile.
      </p>
    </UnsubscribeShell>
  )
}
