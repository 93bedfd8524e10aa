import type { Metadata } from 'next'
import { AuthShell } from '@/components/auth/auth-shell'
import { UpdatePasswordForm } from '@/components/auth/update-password-form'

export const metadata: Metadata = { title: 'Choose a password' }

/** Reached from an invitation or a reset link (after /auth/confirm signed the user in). */
export default function UpdatePasswordPage() {
  return (
    <AuthShell title="Choose a password" intro="You will use it with your email address to sign in.">
      <UpdatePasswordForm />
    </AuthShell>
  )
}
