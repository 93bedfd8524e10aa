import type { Metadata } from 'next'
import { LoginForm } from './login-form.tsx'

export const metadata: Metadata = { title: 'Sign in' }

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; link?: string }> }) {
  const { next, link } = await searchParams
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold">Staff sign in</h1>
        <p className="mt-1 text-sm text-slate-700">Dirt Free CRM, for staff accounts only.</p>
        {link ? (
          <p role="alert" className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
            {link === 'incomplete'
              ? 'That link is incomplete: part of it may have been cut off. Sign in with your password, or ask the owner for a new one.'
              : 'That link has expired or was already used. Sign in with your password, or ask the owner for a new one.'}
          </p>
        ) : null}
        <LoginForm next={next ?? '/customers'} />
      </div>
    </main>
  )
}
