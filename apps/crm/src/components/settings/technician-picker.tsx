'use client'

import type { StaffMemberRow } from '@repo/database/types'
import { Field } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'

/** Whose hours and skills are shown (kept in the URL: `?staff=<id>`). */
export function TechnicianPicker({
  technicians,
  selectedId,
}: {
  technicians: StaffMemberRow[]
  selectedId: string
}) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  return (
    <Field
      id="schedule-technician"
      label="Technician"
      hint={pending ? 'Loading…' : undefined}
      className="sm:max-w-xs"
    >
      {(control) => (
        <NativeSelect
          {...control}
          value={selectedId}
          onChange={(e) => {
            const id = e.target.value
            startTransition(() =>
              router.replace(`/settings/scheduling?staff=${id}`, { scroll: false }),
            )
          }}
        >
          {technicians.map((t) => (
            <NativeSelectOption key={t.id} value={t.id}>
              {t.full_name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      )}
    </Field>
  )
}
