// What staff (and the customer) see about a property beside its address.
import type { StatusTone } from '../notice.ts'

/** The fields that say where a property stands. */
export interface PropertyFlags {
  is_primary: boolean
  confirmed_at: string | null
  archived_at: string | null
}

/** Suggestions for a property's label; any other short label is fine too. */
export const propertyLabelSuggestions = [
  'Home',
  'Rental',
  'Office',
  'Vacation home',
  'Parents',
] as const
/** The label of a customer's first address (the one on their record when they were added). */
export const DEFAULT_PROPERTY_LABEL = 'Home'
export const MAX_PROPERTY_LABEL_CHARS = 60
export const MAX_ACCESS_NOTES_CHARS = 2000

export const AWAITING_CONFIRMATION_LABEL = 'Waiting for confirmation'

/** Added by the customer in the portal and not yet checked by the office. */
export function isAwaitingConfirmation(property: PropertyFlags): boolean {
  return property.confirmed_at === null && property.archived_at === null
}

export interface PropertyBadge {
  label: string
  tone: StatusTone
}

/** The badges a property wears, most important first: Main, Waiting for confirmation, Archived. */
export function propertyBadges(property: PropertyFlags): PropertyBadge[] {
  const badges: PropertyBadge[] = []
  if (property.is_primary) badges.push({ label: 'Main', tone: 'info' })
  if (isAwaitingConfirmation(property))
    badges.push({ label: AWAITING_CONFIRMATION_LABEL, tone: 'warning' })
  if (property.archived_at !== null) badges.push({ label: 'Archived', tone: 'neutral' })
  return badges
}

/** What may be done to a property next (the database refuses archiving the main one). */
export function propertyActions(property: PropertyFlags): {
  confirm: boolean
  makeMain: boolean
  archive: boolean
  restore: boolean
} {
  const archived = property.archived_at !== null
  return {
    confirm: isAwaitingConfirmation(property),
    makeMain: !archived && !property.is_primary,
    archive: !archived && !property.is_primary,
    restore: archived,
  }
}

/** Where new work goes by default: the main property if it is usable, else the first usable one. */
export function defaultPropertyId<T extends PropertyFlags & { id: string }>(
  properties: readonly T[],
): string | null {
  const usable = properties.filter((p) => p.archived_at === null)
  return (usable.find((p) => p.is_primary) ?? usable[0])?.id ?? null
}

/** The properties work can go to or be edited (archived ones are history). */
export function activeProperties<P extends Pick<PropertyFlags, 'archived_at'>>(
  properties: readonly P[],
): P[] {
  return properties.filter((p) => p.archived_at === null)
}
