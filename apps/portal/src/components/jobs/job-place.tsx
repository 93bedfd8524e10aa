import type { PropertyRow } from '@repo/database/types'
import { formatAddress } from '@repo/domain/properties'
import Link from 'next/link'

/**
 * Rows of the appointment's details list: where (the property's name and address, else the job's
 * own address) and the access notes the customer gave for it.
 */
export function JobPlace({
  property,
  address,
}: {
  property: PropertyRow | null
  address: string | null
}) {
  return (
    <>
      <dt className="text-slate-700">Where</dt>
      <dd className="min-w-0 break-words" data-testid="job-where">
        {property ? (
          <>
            <span className="font-medium">{property.label}</span>
            <span className="block">{formatAddress(property)}</span>
          </>
        ) : (
          (address ?? '—')
        )}
      </dd>
      {property ? (
        <>
          <dt className="text-slate-700">Access notes</dt>
          <dd className="min-w-0 whitespace-pre-line break-words" data-testid="job-access-notes">
            {property.access_notes ?? 'None yet.'}{' '}
            <Link href="/profile#properties" className="font-medium text-sky-800 underline">
              {property.access_notes ? 'Edit access notes' : 'Add access notes'}
            </Link>
          </dd>
        </>
      ) : null}
    </>
  )
}
