// A customer's contact fields, in form order, with the CRM's labels: the one list the customer
// forms, the CSV import and the audit trail take their fields from.

export const customerContactFields = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'address_line1',
  'address_line2',
  'city',
  'region',
  'postal_code',
] as const
export type CustomerContactField = (typeof customerContactFields)[number]

export const customerFieldLabel: Record<CustomerContactField, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  phone: 'Phone',
  address_line1: 'Address',
  address_line2: 'Address line 2',
  city: 'City',
  region: 'State/region',
  postal_code: 'Postal code',
}

/** The input type a field wants (keyboard and autofill on phones). */
export function customerFieldInputType(field: CustomerContactField): 'email' | 'tel' | 'text' {
  return field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'
}
