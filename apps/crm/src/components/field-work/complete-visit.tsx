'use client'

import { useAction } from '@repo/actions/form'
import type { WorkSummary } from '@repo/domain/field-work'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useId, useState } from 'react'
import { completeVisitAction } from '@/actions/field-work/field-work-actions.ts'
import { SignaturePad } from './signature-pad.tsx'

/** The end of a visit: the customer reads the work summary, signs on the screen, and it is done. */
export function CompleteVisit({
  jobId,
  customerName,
  summary,
}: {
  jobId: string
  customerName: string
  summary: WorkSummary
}) {
  const uid = useId()
  const [signature, setSignature] = useState<string | null>(null)
  const [signer, setSigner] = useState(customerName)
  const complete = useAction(completeVisitAction, { success: 'Job completed' })
  const done = summary.checklist.filter((step) => step.done)
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
        error={complete.fieldError('signerName')}
      />
      <SignaturePad label="Customer signature" onChange={setSignature} />
      <Button
        size="lg"
        className="w-full text-lg"
        disabled={!signature || !signer.trim()}
        pending={complete.pending}
        onClick={() => complete.run({ jobId, signerName: signer.trim(), signaturePng: signature })}
      >
        Complete with signature
      </Button>
      <Button
        variant="secondary"
        className="w-full"
        pending={complete.pending}
        onClick={() => complete.run({ jobId, signerName: null, signaturePng: null })}
      >
        Complete without signature
      </Button>
    </section>
  )
}
