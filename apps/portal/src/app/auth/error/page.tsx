import { Button } from '@repo/ui/button'
import type { Metadata } from 'next'
import Link from 'next/link'
import { AuthShell } from '@/components/auth/auth-shell'

export const metadata: Metadata = { title: 'Link expired' }

const COPY = {
  expired: {
    title: 'This link has expired',
    intro: 'Sign-in, invitation and reset links work once and for an hour. Ask for a new one below.',
  },
  incomplete: {
    title: 'This link is incomplete',
    intro: 'Part of the link is missing: it may have been cut off when it was copied. Ask for a new one below.',
  },
} as const

export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams
  const copy = reason === 'incomplete' ? COPY.incomplete : COPY.expired
  return (
    <AuthShell title={copy.title} intro={copy.intro}>
      <div className="flex flex-col gap-3">
        <Button asChild>
          <Link href="/auth/magic-link">Email me a new sign-in link</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/auth/forgot-password">Reset my password</Link>
        </Button>
        <p className="text-sm text-slate-700">
          Invited but the invitation expired? A sign-in link works too, or ask us to send the invitation again.
        </p>
        <Link href="/auth/login" className="inline-flex min-h-11 items-center font-medium text-sky-800 underline">
          Go to sign in
        </Link>
      </div>
    </AuthShell>
  )
}
