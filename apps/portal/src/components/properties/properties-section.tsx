import type { PropertyRow } from '@repo/database/types'
import { Card, CardDescription, CardHeader } from '@repo/ui/card'
import { AddPropertyForm } from './add-property-form'
import { PropertyItem } from './property-item'

/** The customer's service addresses on the profile page; confirmations by the office show live. */
export function PropertiesSection({ properties }: { properties: PropertyRow[] }) {
  return (
    <Card id="properties" aria-labelledby="properties-heading" className="scroll-mt-20">
      <CardHeader id="properties-heading" title="Your properties" className="mb-1" />
      <CardDescription>
        Where we come to work. The access notes go to your technician.
      </CardDescription>
      {properties.length > 0 ? (
        <ul className="divide-y divide-slate-200">
          {properties.map((property) => (
            <PropertyItem key={property.id} property={property} />
          ))}
        </ul>
      ) : (
        <p className="py-3 text-sm text-slate-700">No properties yet.</p>
      )}
      <div className="pt-2">
        <AddPropertyForm />
      </div>
    </Card>
  )
}
