import type { Metadata } from 'next'
import { signOutAction } from '@/actions/auth/sign-out-action.ts'

export const metadata: Metadata = { title: 'No access' }

export default function NoAccessPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-2xl font-bold">No access</h1>
        <p className="mt-3 text-slate-700">
          This account is not an active staff member of any business, so it cannot use the CRM. Customers
          can sign in to the customer portal instead; staff should ask an owner to add them.
        </p>
        <form action={signOutAction} className="mt-6">
          <button
            type="submit"
            className="min-h-11 rounded-lg bg-sky-700 px-4 font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
          >
            Sign out
          </button>
        </form>
      </div>
    </main>
  )
}
