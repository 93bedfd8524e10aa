import type { Metadata } from 'next'
import { AuthCard } from '@/components/auth/auth-card.tsx'
import { SetPasswordForm } from './set-password-form.tsx'

export const metadata: Metadata = { title: 'Choose a password' }

export default function SetPasswordPage() {
  return (
    <AuthCard title="Choose a password" intro="You'll sign in with your e-mail address and this password from now on.">
      <SetPasswordForm />
    </AuthCard>
  )
}
