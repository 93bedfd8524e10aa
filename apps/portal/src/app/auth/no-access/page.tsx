import { Button } from '@repo/ui/button'
import type { Metadata } from 'next'
import { signOutAction } from '@/actions/auth/sign-out-action'
import { AuthShell } from '@/components/auth/auth-shell'

export const metadata: Metadata = { title: 'No portal access' }

const copy = {
  staff: {
    title: 'This is the customer portal',
    body: 'You are signed in with a staff account. Staff work in the CRM; sign out here to use a customer login.',
  },
  unlinked: {
    title: 'Your account is not linked yet',
    body: 'Your login is not connected to a customer record. Please contact the business so they can send you a new invitation.',
  },
} as const

export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams
  const text = reason === 'staff' ? copy.staff : copy.unlinked
  return (
    <AuthShell title={text.title} intro={text.body}>
      <form action={signOutAction}>
        <Button type="submit" className="w-full">
          Sign out
        </Button>
      </form>
    </AuthShell>
  )
}
