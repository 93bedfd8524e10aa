import type { PropertyRow } from '@repo/database/types'
import { formatAddress, isAwaitingConfirmation } from '@repo/domain/properties'
import Link from 'next/link'

/**
 * What a technician needs before knocking: the main property's address and access notes, shown on
 * every tab of the record; and how many addresses the customer added that wait for the office.
 */
export function PropertyNotice({
  customerId,
  properties,
}: {
  customerId: string
  properties: PropertyRow[]
}) {
  const main = properties.find((p) => p.is_primary && p.archived_at === null)
  const waiting = properties.filter(isAwaitingConfirmation).length
  if (!main && waiting === 0) return null
  return (
    <div className="space-y-2">
      {main ? (
        <section
          aria-label="Main property"
          data-testid="main-property"
          className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
        >
          <p className="break-words">
            <span className="font-semibold">{main.label}:</span> {formatAddress(main)}
          </p>
          {main.access_notes ? (
            <p
              data-testid="access-notes"
              className="mt-1 rounded-md bg-amber-50 px-2 py-1 break-words whitespace-pre-line text-amber-950"
            >
              <span className="font-semibold">Access notes: </span>
              {main.access_notes}
            </p>
          ) : null}
        </section>
      ) : null}
      {waiting > 0 ? (
        <p className="text-sm">
          <Link
            href={`/customers/${customerId}?tab=properties`}
            className="font-medium text-sky-800 underline"
          >
            {waiting === 1 ? '1 property waits' : `${waiting} properties wait`} for confirmation
          </Link>
        </p>
      ) : null}
    </div>
  )
}
