import type { QuoteRow, QuoteSignatureRow } from '@repo/database/types'
import { formatDateTime } from '@repo/domain/dates'
import { quoteTimeline } from '@repo/domain/quotes'

/** What happened to the quote, oldest first, in the business's time zone. */
export function QuoteTimeline({ quote, timeZone }: { quote: QuoteRow; timeZone: string }) {
  return (
    <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm" data-testid="quote-timeline">
      {quoteTimeline(quote).map((entry) => (
        <li key={entry.event} data-event={entry.event}>
          <p className="font-medium">{entry.label}</p>
          {entry.at ? <p className="text-slate-700">{formatDateTime(entry.at, timeZone)}</p> : null}
          {entry.detail ? (
            <p className="text-slate-800">{entry.event === 'declined' ? `Reason: “${entry.detail}”` : entry.detail}</p>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

/** The customer's e-signature on the version they approved. */
export function QuoteSignature({ signature, timeZone }: { signature: QuoteSignatureRow; timeZone: string }) {
  return (
    <figure className="space-y-2" data-testid="quote-signature">
      <div className="rounded-lg border border-slate-200 bg-white p-2">
        {/* A data URL stored by the database function that took the approval: nothing to optimise. */}
        <img src={signature.signature_png} alt={`Signature of ${signature.signer_name}`} className="mx-auto max-h-32 w-auto" />
      </div>
      <figcaption className="text-sm text-slate-700">
        Signed by <strong className="text-slate-900">{signature.signer_name}</strong> on {formatDateTime(signature.signed_at, timeZone)}{' '}
        (version {signature.version})
      </figcaption>
    </figure>
  )
}
