'use client'

import { offlineWording } from '@repo/domain/field-work'
import { Checkbox } from '@repo/ui/checkbox'
import { useId } from 'react'
import { fieldKinds, type TickPayload } from '@/offline/field/field-kinds.ts'
import { useVisit } from '@/offline/offline-visit.tsx'

/**
 * The service's checklist for this visit. A tick shows at once and goes through the offline
 * queue: saved right away with a connection, marked "waiting to send" without one.
 */
export function VisitChecklist({ items }: { items: string[] }) {
  const uid = useId()
  const visit = useVisit()
  if (items.length === 0) return null
  const doneCount = items.filter((item) => visit.done.has(item)).length
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-2">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        Checklist{' '}
        <span className="font-normal text-slate-500">
          {doneCount} of {items.length}
        </span>
      </h2>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {items.map((item, index) => {
          const id = `${uid}-${index}`
          const checked = visit.done.has(item)
          return (
            <li key={item}>
              <label
                htmlFor={id}
                className="flex min-h-12 cursor-pointer items-center gap-3 px-3 py-2"
              >
                <Checkbox
                  id={id}
                  checked={checked}
                  disabled={!visit.ready}
                  className="size-6"
                  onCheckedChange={(value) =>
                    void visit.change<TickPayload>(fieldKinds.tick, { item, done: value === true })
                  }
                />
                <span className={checked ? 'text-slate-500 line-through' : ''}>{item}</span>
                {visit.itemsWaiting.has(item) ? (
                  <span className="ml-auto shrink-0 text-xs text-amber-800">
                    {offlineWording.waiting}
                  </span>
                ) : null}
              </label>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
