import { Button } from '@repo/ui/button'
import Link from 'next/link'

/** Also what a customer sees for another customer's job or invoice: nothing is revealed. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">We couldn’t find that page. It may have been removed, or the link is wrong.</p>
      <Button asChild className="mt-6">
        <Link href="/">Back to your dashboard</Link>
      </Button>
    </main>
  )
}
