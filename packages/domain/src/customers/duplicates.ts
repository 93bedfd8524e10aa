// "This looks like Alice Johnson": how a possible duplicate is named, and what merging what was
// typed into the existing customer changes (nothing they already have is overwritten).
import { hasAddress, type PropertyAddress, sameAddress } from '../properties/address.ts'
import { mergeTags } from './tags.ts'

export interface CustomerContact {
  first_name: string
  last_name: string
  email: string | null
  phone: string | null
}

/** `Alice Johnson (alice@example.com, (512) 555-0142)`, or just the name without contact details. */
export function describeCustomerMatch(customer: CustomerContact): string {
  const name = `${customer.first_name} ${customer.last_name}`.trim()
  const contact = [customer.email, customer.phone].filter((v): v is string => Boolean(v?.trim()))
  return contact.length > 0 ? `${name} (${contact.join(', ')})` : name
}

/** The digits of a phone number, as the database compares them (`customers.phone_digits`). */
export function phoneDigits(phone: string | null | undefined): string {
  return (phone ?? '').replace(/\D/g, '')
}

/**
 * Whether what was typed is enough to look for a duplicate: an e-mail with an @ and a dot after
 * it, or a phone with at least 7 digits (what find_duplicate_customers also requires).
 */
export function canLookForDuplicates(typed: {
  email?: string | null
  phone?: string | null
}): boolean {
  return (
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test((typed.email ?? '').trim()) ||
    phoneDigits(typed.phone).length >= 7
  )
}

/** Why a customer matched: the same e-mail, the same phone, or both. */
export function matchReason(
  existing: Pick<CustomerContact, 'email' | 'phone'>,
  typed: { email?: string | null; phone?: string | null },
): string {
  const email =
    Boolean(typed.email?.trim()) &&
    existing.email?.toLowerCase() === typed.email?.trim().toLowerCase()
  const digits = phoneDigits(typed.phone)
  const phone = digits.length >= 7 && phoneDigits(existing.phone) === digits
  return email && phone
    ? 'Same e-mail and phone'
    : email
      ? 'Same e-mail'
      : phone
        ? 'Same phone number'
        : 'Similar details'
}

export type MergeableCustomer = CustomerContact & {
  [K in keyof Required<PropertyAddress>]: string | null
} & {
  tags: string[]
  source: string | null
}

export interface MergePlan {
  /** Fields to write on the existing customer (empty when nothing changes). */
  patch: Partial<MergeableCustomer>
  /** The typed address is a place the customer does not have yet: add it as a property. */
  addProperty: boolean
  /** ... as their main one, because they have none. */
  asMain: boolean
}

/**
 * What merging a new customer's details into `existing` does: fills the contact fields it lacks,
 * adds the tags it lacks, keeps its source unless it has none, fills its mailing address only if
 * it has none, and adds the typed address as a property when it is a new place for them.
 */
export function planMerge(
  existing: MergeableCustomer,
  properties: readonly (PropertyAddress & { is_primary: boolean; archived_at: string | null })[],
  typed: Partial<MergeableCustomer>,
): MergePlan {
  const patch: Partial<MergeableCustomer> = {}
  for (const field of ['email', 'phone'] as const) {
    const value = typed[field]?.trim()
    if (value && !existing[field]?.trim()) patch[field] = value
  }
  const tags = mergeTags(existing.tags, typed.tags ?? [])
  if (tags.length !== existing.tags.length) patch.tags = tags
  if (!existing.source && typed.source?.trim()) patch.source = typed.source.trim()

  const address: PropertyAddress = typed
  if (hasAddress(address) && !hasAddress(existing)) {
    for (const field of [
      'address_line1',
      'address_line2',
      'city',
      'region',
      'postal_code',
    ] as const) {
      patch[field] = typed[field]?.trim() || null
    }
  }
  const addProperty = hasAddress(address) && !properties.some((p) => sameAddress(p, address))
  const asMain = addProperty && !properties.some((p) => p.is_primary && p.archived_at === null)
  return { patch, addProperty, asMain }
}
