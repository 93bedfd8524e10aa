import type { Metadata } from 'next'
import Link from 'next/link'
import { safeNextPath } from '@/actions/auth/schema'
import { AuthShell } from '@/components/auth/auth-shell'
import { SignInForm } from '@/components/auth/sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams
  return (
    <AuthShell title="Sign in" intro="See your appointments, invoices, messages and points.">
      <SignInForm next={safeNextPath(next)} />
      <ul className="text-sm">
        <li>
          <Link href="/auth/forgot-password" className="inline-flex min-h-11 items-center font-medium text-sky-800 underline">
            Forgot your password?
          </Link>
        </li>
        <li>
          <Link href="/auth/magic-link" className="inline-flex min-h-11 items-center font-medium text-sky-800 underline">
            Email me a sign-in link instead
          </Link>
        </li>
      </ul>
    </AuthShell>
  )
}
