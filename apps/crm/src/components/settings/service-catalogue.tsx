'use client'

import { useAction, useActionForm } from '@repo/actions/form'
import type { ServiceRow } from '@repo/database/types'
import { formatCents } from '@repo/domain/money'
import { Button } from '@repo/ui/button'
import { Checkbox } from '@repo/ui/checkbox'
import { TextField } from '@repo/ui/field'
import { Label } from '@repo/ui/label'
import { Switch } from '@repo/ui/switch'
import {
  createServiceAction,
  setServiceActiveAction,
  setServiceBookableAction,
} from '@/actions/business/service-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { OfferedList, offeredChange } from './offered-list.tsx'
import { ServiceChecklistEditor } from './service-checklist-editor.tsx'

/** What the business offers, with its usual price and length; a withdrawn service stays on past jobs. */
export function ServiceCatalogue({
  services,
  canEdit,
}: {
  services: ServiceRow[]
  canEdit: boolean
}) {
  const { currency } = useStaffSession()
  const add = useActionForm(createServiceAction, {
    success: (s) => `${s.name} added`,
    resetOnSuccess: true,
  })
  const toggle = useAction(setServiceActiveAction, { success: offeredChange })
  const bookable = useAction(setServiceBookableAction, {
    success: (s) =>
      s.bookable_online
        ? `${s.name} can be booked online`
        : `${s.name} is no longer bookable online`,
  })
  const byId = new Map(services.map((s) => [s.id, s]))
  return (
    <section
      aria-labelledby="services-heading"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 md:p-6"
    >
      <h2 id="services-heading" className="text-lg font-semibold">
        Services
      </h2>
      <OfferedList
        items={services.map((s) => ({
          id: s.id,
          name: s.name,
          // "$59.00 per rug · 45 min · Taxable"; a price for each one needs no unit.
          detail: `${formatCents(s.base_price_cents, currency)}${s.unit === 'each' ? '' : ` per ${s.unit}`} · ${s.duration_minutes} min · ${s.taxable ? 'Taxable' : 'Not taxed'} · ${s.bookable_online ? 'Bookable online' : 'Not bookable online'}`,
          description: s.description,
          active: s.active,
        }))}
        canEdit={canEdit}
        pending={toggle.pending}
        onToggle={(item) => toggle.run({ serviceId: item.id, active: !item.active })}
        actions={(item) => {
          const service = byId.get(item.id)
          if (!service?.active) return null
          return (
            <div className="space-y-1">
              <div className="flex min-h-11 items-center gap-2">
                <Switch
                  id={`bookable-${service.id}`}
                  checked={service.bookable_online}
                  disabled={bookable.pending}
                  onCheckedChange={(checked) =>
                    bookable.run({ serviceId: service.id, bookable: checked })
                  }
                />
                <Label htmlFor={`bookable-${service.id}`} className="font-normal">
                  Online booking
                </Label>
              </div>
              {canEdit ? <ServiceChecklistEditor service={service} /> : null}
            </div>
          )
        }}
        emptyText="No services yet: add what you offer, with its usual price and length."
      />
      {canEdit ? (
        <form
          {...add.formProps}
          aria-label="New service"
          noValidate
          className="grid gap-3 md:grid-cols-[1fr_8rem_7rem_7rem] md:items-start"
        >
          <TextField id="service-name" label="Service" name="name" error={add.fieldError('name')} />
          <TextField
            id="service-price"
            label="Price"
            name="basePriceCents"
            inputMode="decimal"
            error={add.fieldError('basePriceCents')}
          />
          <TextField
            id="service-unit"
            label="Per"
            name="unit"
            placeholder="each"
            hint="visit, room, rug…"
            error={add.fieldError('unit')}
          />
          <TextField
            id="service-minutes"
            label="Minutes"
            name="durationMinutes"
            type="number"
            min={1}
            defaultValue={60}
            error={add.fieldError('durationMinutes')}
          />
          <TextField
            id="service-description"
            label="Description (optional)"
            name="description"
            error={add.fieldError('description')}
            className="md:col-span-3"
          />
          <div className="flex min-h-11 items-center gap-2 md:mt-6">
            <Checkbox id="service-taxable" name="taxable" defaultChecked />
            <Label htmlFor="service-taxable">Taxable</Label>
          </div>
          <Button
            type="submit"
            pending={add.pending}
            className="md:col-span-4 md:justify-self-start"
          >
            Add service
          </Button>
        </form>
      ) : null}
    </section>
  )
}
