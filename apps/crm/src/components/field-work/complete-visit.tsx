'use client'

import type { WorkSummary } from '@repo/domain/field-work'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useId, useState } from 'react'
import { type CompletePayload, fieldKinds } from '@/offline/field/field-kinds.ts'
import { useVisit } from '@/offline/offline-visit.tsx'
import { SignaturePad } from './signature-pad.tsx'

/**
 * The end of a visit: the customer reads the work summary, signs on the screen, and it is done.
 * Completing goes through the offline queue like every step of the visit.
 */
export function CompleteVisit({
  customerName,
  summary,
}: {
  customerName: string
  summary: WorkSummary
}) {
  const uid = useId()
  const [signature, setSignature] = useState<string | null>(null)
  const [signer, setSigner] = useState(customerName)
  const visit = useVisit()
  const [sending, setSending] = useState(false)
  const complete = (payload: CompletePayload) => {
    setSending(true)
    void visit.change(fieldKinds.complete, payload).finally(() => setSending(false))
  }
  const signerError = signature && !signer.trim() ? 'Who is signing?' : undefined
  // What the customer signs for: the checklist as ticked on this phone, sent or not yet.
  const done = summary.checklist.filter((step) => visit.done.has(step.item))
  return (
    <section
      aria-labelledby={`${uid}-title`}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        Finish the visit
      </h2>
      <div className="text-sm text-slate-700">
        <p className="font-medium">{summary.service ?? summary.title}</p>
        {done.length > 0 ? (
          <ul className="mt-1 list-disc pl-5">
            {done.map((step) => (
              <li key={step.item}>{step.item}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <TextField
        id={`${uid}-signer`}
        label="Signed by"
        name="signerName"
        value={signer}
        onChange={(event) => setSigner(event.target.value)}
        error={signerError}
      />
      <SignaturePad label="Customer signature" onChange={setSignature} />
      <Button
        size="lg"
        className="w-full text-lg"
        disabled={!visit.ready || !signature || !signer.trim()}
        pending={sending}
        onClick={() => complete({ signerName: signer.trim(), signaturePng: signature })}
      >
        Complete with signature
      </Button>
      <Button
        variant="secondary"
        className="w-full"
        disabled={!visit.ready}
        pending={sending}
        onClick={() => complete({ signerName: null, signaturePng: null })}
      >
        Complete without signature
      </Button>
    </section>
  )
}
