'use client'

import { useAction } from '@repo/actions/form'
import type { SetupStep } from '@repo/domain/organizations'
import { Button } from '@repo/ui/button'
import Link from 'next/link'
import { hideChecklistAction } from '@/actions/business/hide-checklist-action.ts'

/** The first steps of a new business, each ticked by what is already in the CRM. */
export function SetupChecklist({ steps }: { steps: SetupStep[] }) {
  const hide = useAction(hideChecklistAction, { success: 'Checklist hidden' })
  const done = steps.filter((s) => s.done).length
  return (
    <section aria-labelledby="setup-heading" className="rounded-xl border border-sky-200 bg-sky-50 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="setup-heading" className="text-lg font-semibold">
          Get started
        </h2>
        <p className="text-sm text-slate-700">
          {done} of {steps.length} done
        </p>
      </div>
      <ol className="mt-3 space-y-2">
        {steps.map((step) => (
          <li key={step.id} data-step={step.id} data-done={step.done ? 'true' : 'false'} className="flex items-center gap-2 text-sm">
            <span
              aria-hidden="true"
              className={`flex size-5 shrink-0 items-center justify-center rounded-full border text-xs font-bold ${step.done ? 'border-emerald-600 bg-emerald-600 text-white' : 'border-slate-400 bg-white'}`}
            >
              {step.done ? '✓' : null}
            </span>
            {step.done ? (
              <span className="text-slate-700 line-through decoration-slate-400">
                {step.label}
                <span className="sr-only"> (done)</span>
              </span>
            ) : (
              <Link href={step.href} className="font-medium text-sky-800 underline">
                {step.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
      <Button variant="ghost" size="sm" className="mt-3" pending={hide.pending} onClick={() => hide.run({})}>
        Hide this list
      </Button>
    </section>
  )
}
