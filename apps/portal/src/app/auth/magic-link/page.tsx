import type { Metadata } from 'next'
import Link from 'next/link'
import { magicLinkAction } from '@/actions/auth/magic-link-action'
import { AuthShell } from '@/components/auth/auth-shell'
import { EmailLinkForm } from '@/components/auth/email-link-form'

export const metadata: Metadata = { title: 'Sign in with a link' }

export default function MagicLinkPage() {
  return (
    <AuthShell title="Sign in with a link" intro="We will email you a link that signs you in, no password needed.">
      <EmailLinkForm action={magicLinkAction} submitLabel="Send sign-in link" idPrefix="magic" />
      <p className="text-sm">
        <Link href="/auth/login" className="inline-flex min-h-11 items-center font-medium text-sky-800 underline">
          Sign in with a password
        </Link>
      </p>
    </AuthShell>
  )
}
