import Link from 'next/link'

/** Where one job's or invoice's own history is: the customer's activity tab narrowed to it. */
function recordHistoryHref(customerId: string, recordId: string): string {
  return `/customers/${customerId}?tab=activity&record=${recordId}`
}

export function HistoryLink({ customerId, recordId, label }: { customerId: string; recordId: string; label: string }) {
  return (
    <Link
      prefetch={false}
      href={recordHistoryHref(customerId, recordId)}
      aria-label={`History of ${label}`}
      className="text-sm font-medium text-sky-800 underline-offset-2 hover:underline"
    >
      History
    </Link>
  )
}
