import type { Metadata } from 'next'
import { LoginForm } from './login-form.tsx'

export const metadata: Metadata = { title: 'Sign in' }

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold">Staff sign in</h1>
        <p className="mt-1 text-sm text-slate-700">Dirt Free CRM, for staff accounts only.</p>
        <LoginForm next={next ?? '/customers'} />
      </div>
    </main>
  )
}
