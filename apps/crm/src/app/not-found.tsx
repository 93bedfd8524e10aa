import { Button } from '@repo/ui/button'
import { Card } from '@repo/ui/card'
import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Page not found' }

/** Any address the CRM does not have; answered with HTTP 404. */
export default function RootNotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card aria-labelledby="page-not-found-title" className="w-full max-w-md rounded-2xl p-8 text-center">
        <h1 id="page-not-found-title" className="text-2xl font-bold">
          Page not found
        </h1>
        <p className="mt-3 text-slate-700">There is no page at this address. Check the link, or start from the customer list.</p>
        <Button asChild className="mt-6">
          <Link href="/customers">Go to customers</Link>
        </Button>
      </Card>
    </main>
  )
}
