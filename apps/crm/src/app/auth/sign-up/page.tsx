import type { Metadata } from 'next'
import Link from 'next/link'
import { AuthCard } from '@/components/auth/auth-card.tsx'
import { SignUpForm } from './sign-up-form.tsx'

export const metadata: Metadata = { title: 'Start your business account' }

export default function SignUpPage() {
  return (
    <AuthCard
      title="Start your business account"
      intro="Your login first; then you name your business and invite your team."
    >
      <SignUpForm />
      <p className="mt-6 text-sm text-slate-700">
        Already have an account?{' '}
        <Link href="/auth/login" className="font-medium text-sky-800 underline">
          Sign in
        </Link>
      </p>
    </AuthCard>
  )
}
