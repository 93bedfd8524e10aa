'use client'

import { useAction } from '@repo/actions/form'
import { Button } from '@repo/ui/button'
import { removeCreditAction } from '@/actions/payments/remove-credit-action.ts'

/** Takes a reward credit off a draft; it stays the customer's for their next invoice. */
export function RemoveCreditButton({ lineId, description }: { lineId: string; description: string }) {
  const { run, pending } = useAction(removeCreditAction, { success: 'Credit removed; it will apply to the next invoice' })
  return (
    <Button variant="secondary" size="sm" disabled={pending} aria-label={`Remove ${description}`} onClick={() => run({ lineId })}>
      Remove
    </Button>
  )
}
