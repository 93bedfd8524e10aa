import { Button } from '@repo/ui/button'
import { Card } from '@repo/ui/card'
import Link from 'next/link'

/** Another customer's record looks exactly like a missing one. Answered with HTTP 404. */
export default function PortalNotFound() {
  return (
    <Card aria-labelledby="not-found-heading" className="p-6">
      <h1 id="not-found-heading" className="text-xl font-bold">
        Not found
      </h1>
      <p className="mt-1 text-slate-700">
        We couldn’t find that page in your account. The link may be wrong, or the appointment or invoice is no
        longer available.
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button asChild>
          <Link href="/">Back to your dashboard</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/messages">Message us</Link>
        </Button>
      </div>
    </Card>
  )
}
