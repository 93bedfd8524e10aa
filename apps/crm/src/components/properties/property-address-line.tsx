import { nullIfNotFound } from '@repo/actions/errors'
import { getProperty } from '@repo/database/repositories'
import { formatAddress } from '@repo/domain/properties'
import { requireStaff } from '@/lib/staff-context.ts'

/** "Property: Rental, 707 E Oltorf St, Austin, TX 78704" for a quote or invoice page (server). */
export async function PropertyAddressLine({
  propertyId,
  className,
}: {
  propertyId: string | null
  className?: string
}) {
  if (!propertyId) return null
  const { supabase } = await requireStaff()
  const property = await nullIfNotFound(getProperty(supabase, propertyId))
  if (!property) return null
  return (
    <p
      data-testid="record-property"
      className={`break-words text-sm text-slate-700 ${className ?? ''}`}
    >
      <span className="font-medium text-slate-900">Property:</span> {property.label},{' '}
      {formatAddress(property)}
    </p>
  )
}
