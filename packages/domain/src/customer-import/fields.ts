// What an imported CSV row can fill in: the customer's contact fields, plus a full name that is
// split into first and last when the file has no separate columns.
import type { CUSTOMER_FIELD_MAX_CHARS } from '@repo/database/limits'
import { customerContactFields } from '../customers/contact-fields.ts'

/** The customer columns an import writes (the staged row's columns): the contact fields. */
export const customerImportColumns = customerContactFields
export type CustomerImportColumn = (typeof customerImportColumns)[number]

/** The targets a CSV column can be mapped to, in the order the mapping form shows them. */
export const importFields = [
  'first_name',
  'last_name',
  'full_name',
  ...customerImportColumns.slice(2),
] as const
export type ImportField = (typeof importFields)[number]

export const importFieldLabel: Record<ImportField, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  full_name: 'Full name (split)',
  email: 'E-mail',
  phone: 'Phone',
  address_line1: 'Address line 1',
  address_line2: 'Address line 2',
  city: 'City',
  region: 'State/region',
  postal_code: 'ZIP/postal code',
}

/** Fields with a length limit in the customers table. */
export type LimitedColumn = keyof typeof CUSTOMER_FIELD_MAX_CHARS

/** One mapped row as it is staged: its row number in the file and the customer's fields. */
export type StagedCustomerRow = { csv_row: number } & Record<CustomerImportColumn, string | null>

/** For each target field, the index of the CSV column that fills it (null: not imported). */
export type ColumnMapping = Record<ImportField, number | null>
