import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import type { ReactNode } from 'react'

export interface OfferedItem {
  id: string
  name: string
  /** "200 points", "$149.00 · 90 min". */
  detail: string
  active: boolean
  /** A second line under the detail (a service's description). */
  description?: string | null
  /** Shown beside the offered badge (the default tax rate: "Default"). */
  flag?: string | null
}

/** The toast after an item is withdrawn or offered again. */
export const offeredChange = (item: { name: string; active: boolean }) =>
  item.active ? `${item.name} is offered again` : `${item.name} is no longer offered`

/**
 * A catalogue the business offers from (services, rewards): each item offered or withdrawn, with
 * the switch for those who may change it. Withdrawn items stay on the records that used them.
 */
export function OfferedList({
  items,
  canEdit,
  pending,
  onToggle,
  emptyText,
  actions,
}: {
  items: OfferedItem[]
  canEdit: boolean
  pending: boolean
  onToggle: (item: OfferedItem) => void
  emptyText: string
  /** More buttons for an item, before its withdraw / offer switch (shown to those who may edit). */
  actions?: (item: OfferedItem) => ReactNode
}) {
  if (items.length === 0) return <p className="text-sm text-slate-700">{emptyText}</p>
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-offered={item.name}>
          <div className="min-w-0">
            <p className="font-medium">{item.name}</p>
            <p className="text-sm text-slate-700">{item.detail}</p>
            {item.description ? <p className="text-sm break-words text-slate-600">{item.description}</p> : null}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {item.flag ? <Badge tone="info">{item.flag}</Badge> : null}
            <Badge tone={item.active ? 'success' : 'neutral'}>{item.active ? 'Offered' : 'Withdrawn'}</Badge>
            {canEdit ? actions?.(item) : null}
            {canEdit ? (
              <Button variant="secondary" size="sm" disabled={pending} onClick={() => onToggle(item)}>
                {item.active ? 'Withdraw' : 'Offer again'}
              </Button>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  )
}
