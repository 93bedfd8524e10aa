'use client'

import { useActionForm } from '@repo/actions/form'
import type { OrganizationRow } from '@repo/database/types'
import type { Country } from '@repo/domain/organizations'
import { Button } from '@repo/ui/button'
import { Checkbox } from '@repo/ui/checkbox'
import { TextField } from '@repo/ui/field'
import { Label } from '@repo/ui/label'
import { updateSettingsAction } from '@/actions/business/update-settings-action.ts'
import { CountryField, CurrencyField, TimeZoneField } from './business-locale-fields.tsx'

const portalSwitches: ReadonlyArray<[string, string, (org: OrganizationRow) => boolean]> = [
  ['customersMayConfirm', 'Confirm their appointments', (org) => org.customers_may_confirm],
  ['customersMayReschedule', 'Ask to reschedule', (org) => org.customers_may_reschedule],
  ['customersMayCancel', 'Cancel', (org) => org.customers_may_cancel],
]

const section = 'space-y-4 rounded-xl border border-slate-200 bg-white p-4 md:p-6'
const legend = 'text-lg font-semibold'

/** The business's settings in one form; read-only for roles that may not change them. */
export function SettingsForm({
  organization: org,
  timeZones,
  countries,
  canEdit,
}: {
  organization: OrganizationRow
  timeZones: string[]
  countries: readonly Country[]
  canEdit: boolean
}) {
  const { formProps, pending, fieldError } = useActionForm(updateSettingsAction, { success: 'Settings saved' })
  return (
    <form {...formProps} noValidate aria-label="Business settings" className="space-y-4">
      <fieldset disabled={!canEdit} className="contents">
        <section aria-labelledby="profile-heading" className={section}>
          <h2 id="profile-heading" className={legend}>
            Business profile
          </h2>
          <p className="text-sm text-slate-700">Customers see the name and contact details in the portal and on invoices.</p>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField label="Business name" name="name" defaultValue={org.name} required error={fieldError('name')} />
            <TimeZoneField id="settings-timezone" timeZones={timeZones} defaultValue={org.timezone} error={fieldError('timezone')} />
            <CountryField id="settings-country" countries={countries} defaultValue={org.country_code} error={fieldError('countryCode')} />
            <CurrencyField id="settings-currency" defaultValue={org.currency} error={fieldError('currency')} />
            <TextField label="Phone" name="phone" type="tel" defaultValue={org.phone ?? ''} error={fieldError('phone')} />
            <TextField label="E-mail" name="email" type="email" defaultValue={org.email ?? ''} error={fieldError('email')} />
            <TextField label="Address" name="address" defaultValue={org.address ?? ''} error={fieldError('address')} className="md:col-span-2" />
          </div>
        </section>
        <section aria-labelledby="portal-heading" className={section}>
          <h2 id="portal-heading" className={legend}>
            Customer portal
          </h2>
          <fieldset className="space-y-3">
            <legend className="text-sm text-slate-700">Customers may, in the portal:</legend>
            {portalSwitches.map(([name, label, checked]) => (
              <div key={name} className="flex items-center gap-3">
                <Checkbox id={`settings-${name}`} name={name} defaultChecked={checked(org)} />
                <Label htmlFor={`settings-${name}`} className="font-normal">
                  {label}
                </Label>
              </div>
            ))}
          </fieldset>
          <TextField
            label="Cancel or reschedule online up to (hours before the start)"
            name="cancellationNoticeHours"
            type="number"
            min={0}
            max={720}
            defaultValue={org.cancellation_notice_hours}
            hint="Closer to the start, customers are asked to call instead."
            error={fieldError('cancellationNoticeHours')}
            className="max-w-md"
          />
        </section>
        <section aria-labelledby="field-heading" className={section}>
          <h2 id="field-heading" className={legend}>
            On site
          </h2>
          <div className="flex items-center gap-3">
            <Checkbox
              id="settings-techniciansAddCustomLines"
              name="techniciansAddCustomLines"
              defaultChecked={org.technicians_add_custom_lines}
            />
            <Label htmlFor="settings-techniciansAddCustomLines" className="font-normal">
              Technicians may add a custom line with their own price (otherwise only catalog items)
            </Label>
          </div>
        </section>
        <section aria-labelledby="loyalty-heading" className={section}>
          <h2 id="loyalty-heading" className={legend}>
            Loyalty
          </h2>
          <TextField
            label="Points per dollar paid for a completed job"
            hint="Earned once the job is completed and its invoice is paid in full (before tax, tips excluded)."
            name="pointsPerDollar"
            type="number"
            min={0}
            max={1000}
            defaultValue={org.points_per_dollar}
            error={fieldError('pointsPerDollar')}
            className="max-w-md"
          />
          <TextField
            label="Points for every completed, paid job"
            name="pointsPerJob"
            type="number"
            min={0}
            max={100000}
            defaultValue={org.points_per_job}
            hint="Added to the points per dollar. Both 0 turns earning off; rewards can still be redeemed."
            error={fieldError('pointsPerJob')}
            className="max-w-md"
          />
        </section>
      </fieldset>
      {canEdit ? (
        <Button type="submit" pending={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
      ) : (
        <p className="text-sm text-slate-700">Only owners and admins change the settings.</p>
      )}
    </form>
  )
}
