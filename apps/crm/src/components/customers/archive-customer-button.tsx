'use client'

import { useAction } from '@repo/actions/form'
import type { CustomerRow } from '@repo/database/types'
import { Button } from '@repo/ui/button'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import { useRef, useState } from 'react'
import { setCustomerArchivedAction } from '@/actions/customers/archive-customer-action.ts'

/**
 * Archive (asked first: they leave the lists and take no new work) or Restore. Nothing is deleted:
 * jobs, invoices, messages and points stay with the record.
 */
export function ArchiveCustomerButton({ customer }: { customer: CustomerRow }) {
  const name = `${customer.first_name} ${customer.last_name}`
  const archived = customer.archived_at !== null
  const change = useAction(setCustomerArchivedAction, {
    success: (row) => (row.archived_at ? `${name} archived` : `${name} restored`),
  })
  const [confirming, setConfirming] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  if (archived) {
    return (
      <Button
        variant="secondary"
        size="sm"
        pending={change.pending}
        onClick={() => change.run({ customerId: customer.id, archived: false })}
      >
        Restore customer
      </Button>
    )
  }
  return (
    <>
      <Button
        ref={button}
        variant="secondary"
        size="sm"
        pending={change.pending}
        onClick={() => setConfirming(true)}
      >
        Archive customer
      </Button>
      <LazyConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Archive ${name}?`}
        description="They leave the customers list and cannot get new jobs or quotes. Their history stays, and you can restore them at any time."
        cancelLabel="Keep active"
        confirmLabel="Archive"
        variant="primary"
        onConfirm={() => change.run({ customerId: customer.id, archived: true })}
        returnFocusTo={button}
      />
    </>
  )
}
