'use client'

import { useAction } from '@repo/actions/form'
import { Checkbox } from '@repo/ui/checkbox'
import { useId, useOptimistic } from 'react'
import { setChecklistItemAction } from '@/actions/field-work/field-work-actions.ts'

/** The service's checklist for this visit; a tick is saved at once and shown before it is. */
export function VisitChecklist({
  jobId,
  items,
  done,
}: {
  jobId: string
  items: string[]
  done: string[]
}) {
  const uid = useId()
  const [shown, setShown] = useOptimistic(
    new Set(done),
    (current, change: { item: string; done: boolean }) => {
      const next = new Set(current)
      if (change.done) next.add(change.item)
      else next.delete(change.item)
      return next
    },
  )
  const tick = useAction(setChecklistItemAction)
  if (items.length === 0) return null
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-2">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        Checklist{' '}
        <span className="font-normal text-slate-500">
          {shown.size} of {items.length}
        </span>
      </h2>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {items.map((item, index) => {
          const id = `${uid}-${index}`
          const checked = shown.has(item)
          return (
            <li key={item}>
              <label
                htmlFor={id}
                className="flex min-h-12 cursor-pointer items-center gap-3 px-3 py-2"
              >
                <Checkbox
                  id={id}
                  checked={checked}
                  className="size-6"
                  onCheckedChange={(value) => {
                    const change = { item, done: value === true }
                    tick.run({ jobId, ...change }, () => setShown(change))
                  }}
                />
                <span className={checked ? 'text-slate-500 line-through' : ''}>{item}</span>
              </label>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
