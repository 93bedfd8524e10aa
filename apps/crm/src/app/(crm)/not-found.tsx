import { Button } from '@repo/ui/button'
import { Card } from '@repo/ui/card'
import Link from 'next/link'

/** Unknown records (a customer, a conversation) inside the CRM shell; answered with HTTP 404. */
export default function NotFound() {
  return (
    <Card aria-labelledby="not-found-title" className="mx-auto max-w-xl p-6">
      <h1 id="not-found-title" className="text-xl font-bold">
        Not found
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        This record does not exist or is not in your organization. It may have been deleted, or the link may be
        mistyped.
      </p>
      <Button asChild variant="secondary" className="mt-4">
        <Link href="/customers">Back to customers</Link>
      </Button>
    </Card>
  )
}
