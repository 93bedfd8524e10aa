import type { QuoteSignatureRow } from '@repo/database/types'
import { formatDateTime } from '@repo/domain/dates'
import { Card, CardHeader } from '@repo/ui/card'

/** Who approved which version, when (in the business's time zone), and the signature itself. */
export function QuoteSignature({ signature, timeZone }: { signature: QuoteSignatureRow; timeZone: string }) {
  return (
    <Card aria-labelledby="signature-heading" data-testid="quote-signature">
      <CardHeader id="signature-heading" title="Signature" />
      <figure className="space-y-2">
        {/* A data URL stored with the approval: nothing for next/image to optimise. */}
        <img
          src={signature.signature_png}
          alt={`Signature of ${signature.signer_name}`}
          className="h-24 w-auto max-w-full rounded-lg border border-slate-200 bg-white object-contain p-2"
        />
        <figcaption className="text-sm">
          <span className="block font-medium text-slate-900">{signature.signer_name}</span>
          <span className="block text-slate-700">
            Signed {formatDateTime(signature.signed_at, timeZone)} · version {signature.version}
          </span>
        </figcaption>
      </figure>
    </Card>
  )
}
