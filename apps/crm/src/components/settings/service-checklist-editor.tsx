'use client'

import { useActionForm } from '@repo/actions/form'
import type { ServiceRow } from '@repo/database/types'
import { Button } from '@repo/ui/button'
import { TextAreaField } from '@repo/ui/field'
import { setServiceChecklistAction } from '@/actions/field-work/field-work-actions.ts'

/** The steps a technician ticks off for a service, one per line. */
export function ServiceChecklistEditor({
  service,
}: {
  service: Pick<ServiceRow, 'id' | 'name' | 'checklist'>
}) {
  const save = useActionForm(setServiceChecklistAction, {
    toInput: (form) => ({
      serviceId: service.id,
      items: String(form.get('checklist') ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    }),
    success: (s) => `${s.name}: checklist saved`,
  })
  return (
    <details className="w-full">
      <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-sky-800">
        Checklist ({service.checklist.length})
      </summary>
      <form
        {...save.formProps}
        aria-label={`Checklist for ${service.name}`}
        className="mt-2 space-y-2"
      >
        <TextAreaField
          id={`checklist-${service.id}`}
          label="One step per line"
          name="checklist"
          rows={5}
          defaultValue={service.checklist.join('\n')}
          error={save.fieldError('items')}
        />
        <Button type="submit" size="sm" pending={save.pending}>
          Save checklist
        </Button>
      </form>
    </details>
  )
}
