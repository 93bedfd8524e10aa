import type { FieldJob } from '@repo/database/repositories'
import { directionsUrl, telUrl, toGeoPoint } from '@repo/domain/field-work'
import { formatAddress } from '@repo/domain/properties'

/** Where, who, how to get in: the part of a visit a technician reads at the door. */
export function VisitContact({ job }: { job: FieldJob }) {
  const customerName = job.customer
    ? `${job.customer.first_name} ${job.customer.last_name ?? ''}`.trim()
    : 'Customer'
  const address = job.property ? formatAddress(job.property) : (job.address ?? '')
  const directions = job.property
    ? directionsUrl(job.property, toGeoPoint(job.property))
    : address
      ? directionsUrl({ address_line1: address })
      : null
  const tel = telUrl(job.customer?.phone)
  return (
    <div className="space-y-3">
      <div>
        <p className="text-lg font-semibold break-words">{customerName}</p>
        {address ? (
          <p className="break-words text-slate-700">{address}</p>
        ) : (
          <p className="text-slate-500">No address</p>
        )}
      </div>
      <div className="grid grid-cols-2 gap-2">
        {tel ? (
          <a
            href={tel}
            className="flex min-h-12 items-center justify-center rounded-lg border border-slate-300 bg-white px-3 font-medium text-sky-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700"
          >
            Call {job.customer?.first_name ?? ''}
          </a>
        ) : (
          <span className="flex min-h-12 items-center justify-center rounded-lg border border-dashed border-slate-300 px-3 text-sm text-slate-500">
            No phone
          </span>
        )}
        {directions ? (
          <a
            href={directions}
            target="_blank"
            rel="noreferrer"
            className="flex min-h-12 items-center justify-center rounded-lg border border-slate-300 bg-white px-3 font-medium text-sky-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700"
          >
            Directions
          </a>
        ) : null}
      </div>
      {job.property?.access_notes ? (
        <div className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-semibold">Access</p>
          <p className="break-words whitespace-pre-line">{job.property.access_notes}</p>
        </div>
      ) : null}
      {job.notes ? (
        <div className="rounded-lg bg-slate-50 p-3 text-sm text-slate-800">
          <p className="font-semibold">From the office</p>
          <p className="break-words whitespace-pre-line">{job.notes}</p>
        </div>
      ) : null}
    </div>
  )
}
