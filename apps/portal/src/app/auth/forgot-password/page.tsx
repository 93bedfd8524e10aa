import type { Metadata } from 'next'
import Link from 'next/link'
import { forgotPasswordAction } from '@/actions/auth/forgot-password-action'
import { AuthShell } from '@/components/auth/auth-shell'
import { EmailLinkForm } from '@/components/auth/email-link-form'

export const metadata: Metadata = { title: 'Reset password' }

export default function ForgotPasswordPage() {
  return (
    <AuthShell title="Reset your password" intro="We will email you a link to choose a new password.">
      <EmailLinkForm action={forgotPasswordAction} submitLabel="Send reset link" idPrefix="reset" />
      <p className="text-sm">
        <Link href="/auth/login" className="inline-flex min-h-11 items-center font-medium text-sky-800 underline">
          Back to sign in
        </Link>
      </p>
    </AuthShell>
  )
}
