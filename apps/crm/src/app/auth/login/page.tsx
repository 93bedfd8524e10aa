import type { Metadata } from 'next'
import Link from 'next/link'
import { AuthCard } from '@/components/auth/auth-card.tsx'
import { LoginForm } from './login-form.tsx'

export const metadata: Metadata = { title: 'Sign in' }

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; link?: string }>
}) {
  const { next, link } = await searchParams
  return (
    <AuthCard title="Staff sign in" intro="Your business's CRM, for staff accounts.">
      {link ? (
        <p role="alert" className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {link === 'incomplete'
            ? 'That link is incomplete: part of it may have been cut off. Sign in with your password, or ask the owner for a new one.'
            : 'That link has expired or was already used. Sign in with your password, or ask the owner for a new one.'}
        </p>
      ) : null}
      <LoginForm next={next ?? '/'} />
      <p className="mt-6 text-sm text-slate-700">
        New here?{' '}
        <Link href="/auth/sign-up" className="font-medium text-sky-800 underline">
          Start your business account
        </Link>
      </p>
    </AuthCard>
  )
}
