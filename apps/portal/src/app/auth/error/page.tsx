import type { Metadata } from 'next'
import Link from 'next/link'
import { AuthShell } from '@/components/auth/auth-shell'

export const metadata: Metadata = { title: 'Link expired' }

export default function AuthErrorPage() {
  return (
    <AuthShell title="This link has expired" intro="Sign-in and invitation links work once and for a limited time.">
      <Link href="/auth/login" className="inline-flex min-h-11 items-center font-medium text-sky-800 underline">
        Go to sign in
      </Link>
    </AuthShell>
  )
}
