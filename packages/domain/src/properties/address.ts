// A service address as people read it, and whether two typed addresses are the same place.

export const propertyAddressFields = [
  'address_line1',
  'address_line2',
  'city',
  'region',
  'postal_code',
] as const
export type PropertyAddressField = (typeof propertyAddressFields)[number]
export type PropertyAddress = { [K in PropertyAddressField]?: string | null | undefined }

const present = (value: string | null | undefined) => (value ?? '').trim()

/** `1204 Barton Hills Dr, Apt 2, Austin, TX 78704`; an empty string when nothing is filled in. */
export function formatAddress(address: PropertyAddress): string {
  const regionAndCode = [present(address.region), present(address.postal_code)]
    .filter(Boolean)
    .join(' ')
  return [
    present(address.address_line1),
    present(address.address_line2),
    present(address.city),
    regionAndCode,
  ]
    .filter(Boolean)
    .join(', ')
}

/** Whether an address has its first line (the database requires it for a property). */
export function hasAddress(address: PropertyAddress): boolean {
  return present(address.address_line1) !== ''
}

// "1204 Barton Hills Dr." and "1204  barton hills dr" are one place; so are "Apt 2" and "apt. 2".
const squash = (value: string | null | undefined) =>
  present(value).toLowerCase().replace(/[.,#]/g, ' ').replace(/\s+/g, ' ').trim()

/**
 * Whether two addresses name the same place: the same first and second line, and no contradiction
 * in city or postal code (one of them may leave those out).
 */
export function sameAddress(a: PropertyAddress, b: PropertyAddress): boolean {
  if (!hasAddress(a) || !hasAddress(b)) return false
  if (squash(a.address_line1) !== squash(b.address_line1)) return false
  if (squash(a.address_line2) !== squash(b.address_line2)) return false
  const agrees = (x: string | null | undefined, y: string | null | undefined) =>
    !squash(x) || !squash(y) || squash(x) === squash(y)
  return agrees(a.city, b.city) && agrees(a.postal_code, b.postal_code)
}
