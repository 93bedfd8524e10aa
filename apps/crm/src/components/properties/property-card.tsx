'use client'

import { useAction } from '@repo/actions/form'
import type { PropertyRow } from '@repo/database/types'
import { formatDate } from '@repo/domain/dates'
import { formatAddress, propertyActions, propertyBadges } from '@repo/domain/properties'
import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import { useRef, useState } from 'react'
import { changePropertyAction } from '@/actions/properties/property-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { PropertyForm } from './property-form.tsx'

const changeToast = {
  confirm: (p: PropertyRow) => `${p.label} confirmed`,
  make_main: (p: PropertyRow) => `${p.label} is now the main property`,
  archive: (p: PropertyRow) => `${p.label} archived`,
  restore: (p: PropertyRow) => `${p.label} restored`,
}

/** One service address with its badges, access notes and what the office may do with it. */
export function PropertyCard({ property, canEdit }: { property: PropertyRow; canEdit: boolean }) {
  const { timeZone } = useStaffSession()
  const [editing, setEditing] = useState(false)
  const [confirmingArchive, setConfirmingArchive] = useState(false)
  const archiveButton = useRef<HTMLButtonElement>(null)
  const lastChange = useRef<keyof typeof changeToast>('confirm')
  const change = useAction(changePropertyAction, {
    success: (p) => changeToast[lastChange.current](p),
  })
  const run = (what: keyof typeof changeToast) => {
    lastChange.current = what
    change.run({ propertyId: property.id, change: what })
  }
  const can = propertyActions(property)
  const headingId = `property-${property.id}`

  if (editing)
    return (
      <PropertyForm
        customerId={property.customer_id}
        property={property}
        onDone={() => setEditing(false)}
      />
    )

  return (
    <article
      aria-labelledby={headingId}
      data-property={property.label}
      className={`space-y-2 rounded-xl border p-3 sm:p-4 ${can.confirm ? 'border-amber-300 bg-amber-50/50' : 'border-slate-200 bg-white'}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="min-w-0 font-semibold break-words">
          {property.label}
        </h3>
        {propertyBadges(property).map((badge) => (
          <Badge key={badge.label} tone={badge.tone}>
            {badge.label}
          </Badge>
        ))}
      </div>
      <p className="text-sm break-words">{formatAddress(property)}</p>
      {property.access_notes ? (
        <p className="text-sm break-words whitespace-pre-line">
          <span className="font-medium">Access notes: </span>
          {property.access_notes}
        </p>
      ) : (
        <p className="text-sm text-slate-600">No access notes.</p>
      )}
      {can.confirm ? (
        <p className="text-sm text-amber-950">
          Added by the customer on {formatDate(property.created_at, timeZone)}: check the address,
          then confirm it.
        </p>
      ) : null}
      {canEdit ? (
        <div className="flex flex-wrap gap-2 pt-1">
          {can.confirm ? (
            <Button
              size="sm"
              pending={change.pending && lastChange.current === 'confirm'}
              disabled={change.pending}
              onClick={() => run('confirm')}
            >
              Confirm
            </Button>
          ) : null}
          {can.restore ? null : (
            <Button
              variant="secondary"
              size="sm"
              disabled={change.pending}
              onClick={() => setEditing(true)}
            >
              Edit
            </Button>
          )}
          {can.makeMain ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={change.pending}
              onClick={() => run('make_main')}
            >
              Make main
            </Button>
          ) : null}
          {can.archive ? (
            <>
              <Button
                ref={archiveButton}
                variant="ghost"
                size="sm"
                disabled={change.pending}
                onClick={() => setConfirmingArchive(true)}
              >
                Archive
              </Button>
              <LazyConfirmDialog
                open={confirmingArchive}
                onOpenChange={setConfirmingArchive}
                title={`Archive ${property.label}?`}
                description="New jobs, quotes and invoices can no longer be for this address. Past work keeps it, and you can restore it."
                cancelLabel="Keep it"
                confirmLabel="Archive"
                variant="primary"
                onConfirm={() => run('archive')}
                returnFocusTo={archiveButton}
              />
            </>
          ) : null}
          {can.restore ? (
            <Button
              variant="secondary"
              size="sm"
              pending={change.pending}
              onClick={() => run('restore')}
            >
              Restore
            </Button>
          ) : null}
        </div>
      ) : null}
    </article>
  )
}
