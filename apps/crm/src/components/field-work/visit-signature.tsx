import type { JobSignature } from '@repo/database/repositories'
import { formatDateTime } from '@repo/domain/dates'

/** The signature the customer gave at the end of the visit, with when and by whom. */
export function VisitSignature({
  signature,
  timeZone,
}: {
  signature: JobSignature
  timeZone: string
}) {
  return (
    <figure
      className="space-y-1 rounded-xl border border-slate-200 bg-white p-4"
      data-testid="visit-signature"
    >
      <img
        src={signature.signature_png}
        alt={`Signature of ${signature.signer_name}`}
        className="h-24 w-auto"
      />
      <figcaption className="text-sm text-slate-700">
        Signed by {signature.signer_name} on {formatDateTime(signature.signed_at, timeZone)}
      </figcaption>
    </figure>
  )
}
