import { countries, timeZones } from '@repo/domain/organizations'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { AuthCard } from '@/components/auth/auth-card.tsx'
import { findStaffContext } from '@/lib/staff-context.ts'
import { findSignedInUser } from '@/lib/signed-in-user.ts'
import { SetupForm } from './setup-form.tsx'

export const metadata: Metadata = { title: 'Set up your business' }

/** First run: a signed-in login that belongs to no business names one and becomes its owner. */
export default async function SetupPage() {
  const signedIn = await findSignedInUser()
  if (!signedIn) redirect('/auth/login?next=/setup')
  if (typeof (await findStaffContext()) === 'object') redirect('/customers')
  return (
    <AuthCard title="Set up your business" intro="You can change all of this later in Settings.">
      <SetupForm ownerName={signedIn.user.fullName} timeZones={timeZones()} countries={countries} />
    </AuthCard>
  )
}
