/** The customer record's editable fields and their labels, in form order (new and edit forms). */
export const customerFields = [
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['address_line1', 'Address'],
  ['address_line2', 'Address line 2'],
  ['city', 'City'],
  ['region', 'State/region'],
  ['postal_code', 'Postal code'],
] as const

export type CustomerFieldName = (typeof customerFields)[number][0]

export const customerFieldType = (name: CustomerFieldName) => (name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text')
