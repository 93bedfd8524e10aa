import type { ReactNode } from 'react'

/** The centred card of the CRM's sign-in, sign-up and password pages. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold">{title}</h1>
        {intro ? <div className="mt-1 text-sm text-slate-700">{intro}</div> : null}
        {children}
      </div>
    </main>
  )
}
