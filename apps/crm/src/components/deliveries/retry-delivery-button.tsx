'use client'

import { useAction } from '@repo/actions/form'
import { Button } from '@repo/ui/button'
import { retryDeliveryAction } from '@/actions/deliveries/retry-delivery-action.ts'

/** Sends a failed delivery again: back in the queue with fresh attempts. */
export function RetryDeliveryButton({ deliveryId }: { deliveryId: string }) {
  const { run, pending } = useAction(retryDeliveryAction, { success: 'Queued to be sent again' })
  return (
    <Button size="sm" variant="secondary" pending={pending} onClick={() => run({ deliveryId })}>
      Retry
    </Button>
  )
}
