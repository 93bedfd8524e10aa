'use client'

import { useAction } from '@repo/actions/form'
import type { ServiceRow, StaffMemberRow } from '@repo/database/types'
import { Button } from '@repo/ui/button'
import { Checkbox } from '@repo/ui/checkbox'
import { Label } from '@repo/ui/label'
import { useState } from 'react'
import { saveSkillsAction } from '@/actions/availability/availability-actions.ts'

/** Which services a technician does; none ticked means every service (bookings and the calendar agree). */
export function TechnicianSkills({
  technician,
  services,
  skills,
}: {
  technician: StaffMemberRow
  services: ServiceRow[]
  skills: string[]
}) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(skills))
  const [dirty, setDirty] = useState(false)
  const save = useAction(saveSkillsAction, {
    success: `Skills saved for ${technician.full_name}`,
    onSuccess: () => setDirty(false),
  })
  if (services.length === 0) return null
  return (
    <form
      aria-labelledby="skills-heading"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault()
        save.run({ staffMemberId: technician.id, serviceIds: [...chosen] })
      }}
    >
      <fieldset className="space-y-2">
        <legend id="skills-heading" className="font-semibold">
          Services {technician.full_name} does
        </legend>
        <p className="text-sm text-slate-700">
          {chosen.size === 0
            ? 'None ticked: they do every service.'
            : `${chosen.size} of ${services.length} services.`}
        </p>
        <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {services.map((service) => (
            <div key={service.id} className="flex min-h-11 items-center gap-3">
              <Checkbox
                id={`skill-${service.id}`}
                checked={chosen.has(service.id)}
                onCheckedChange={(checked) => {
                  setChosen((set) => {
                    const next = new Set(set)
                    if (checked === true) next.add(service.id)
                    else next.delete(service.id)
                    return next
                  })
                  setDirty(true)
                }}
              />
              <Label htmlFor={`skill-${service.id}`} className="font-normal break-words">
                {service.name}
              </Label>
            </div>
          ))}
        </div>
      </fieldset>
      <Button type="submit" variant="secondary" pending={save.pending} disabled={!dirty}>
        Save skills
      </Button>
    </form>
  )
}
