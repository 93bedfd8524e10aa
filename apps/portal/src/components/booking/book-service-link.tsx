import { Button } from '@repo/ui/button'
import Link from 'next/link'

/** The way into booking from the dashboard and the appointments page. */
export function BookServiceLink() {
  return (
    <Button asChild size="sm">
      <Link href="/book">Book a service</Link>
    </Button>
  )
}
