import { Button } from '@repo/ui/button'
import { Card } from '@repo/ui/card'
import type { Metadata } from 'next'
import Link from 'next/link'
import { signOutAction } from '@/actions/auth/sign-out-action.ts'

export const metadata: Metadata = { title: 'No access' }

export default function NoAccessPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card aria-labelledby="no-access-title" className="w-full max-w-md rounded-2xl p-8 text-center">
        <h1 id="no-access-title" className="text-2xl font-bold">
          No access
        </h1>
        <p className="mt-3 text-slate-700">
          This account is not an active staff member of any business, so it cannot use the CRM. Customers
          can sign in to the customer portal instead; staff should ask an owner to invite them.
        </p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Button asChild>
            <Link href="/setup">Set up a new business</Link>
          </Button>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
        </div>
      </Card>
    </main>
  )
}
