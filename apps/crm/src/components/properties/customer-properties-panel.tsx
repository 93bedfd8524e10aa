'use client'

import type { PropertyRow } from '@repo/database/types'
import { Button } from '@repo/ui/button'
import { EmptyState } from '@repo/ui/empty-state'
import { useState } from 'react'
import { PropertyCard } from './property-card.tsx'
import { PropertyForm } from './property-form.tsx'

/**
 * A customer's service addresses: the main one first, those the customer added waiting for the
 * office's confirmation, archived ones folded away. The record header keeps it live (a property the
 * customer adds or edits in the portal re-renders the page).
 */
export function CustomerPropertiesPanel({
  customerId,
  properties,
  canEdit,
}: {
  customerId: string
  properties: PropertyRow[]
  canEdit: boolean
}) {
  const [adding, setAdding] = useState(false)
  const current = properties.filter((p) => p.archived_at === null)
  const archived = properties.filter((p) => p.archived_at !== null)
  return (
    <section aria-labelledby="properties-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="properties-heading" className="text-lg font-semibold">
          Properties
        </h2>
        {canEdit && !adding ? <Button onClick={() => setAdding(true)}>Add property</Button> : null}
      </div>
      {adding ? <PropertyForm customerId={customerId} onDone={() => setAdding(false)} /> : null}
      {current.length === 0 && !adding ? (
        <EmptyState title="No properties yet" className="p-6">
          Add the addresses where you work for this customer, with gate codes, pets and parking
          notes.
        </EmptyState>
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2">
          {current.map((property) => (
            <li key={property.id}>
              <PropertyCard property={property} canEdit={canEdit} />
            </li>
          ))}
        </ul>
      )}
      {archived.length > 0 ? (
        <details className="rounded-lg border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">
            Archived properties ({archived.length})
          </summary>
          <ul className="mt-3 grid gap-3 lg:grid-cols-2">
            {archived.map((property) => (
              <li key={property.id}>
                <PropertyCard property={property} canEdit={canEdit} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
