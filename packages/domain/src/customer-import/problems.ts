// What can be wrong with an imported row, as the codes the database function reports
// (check_customer_import), and their wording. The field rules here are the ones the database
// checks too, so the preview shows them before anything is uploaded; duplicates need the whole
// file and the organization's customers, so only the dry run reports them.
import {
  CUSTOMER_EMAIL_PATTERN,
  CUSTOMER_FIELD_MAX_CHARS,
  IMPORT_EMAIL_MAX_CHARS,
} from '@repo/database/limits'
import type { LimitedColumn, StagedCustomerRow } from './fields.ts'
import { importFieldLabel } from './fields.ts'

export type ImportProblem =
  | 'name_missing'
  | 'email_invalid'
  | `too_long:${LimitedColumn}`
  | `duplicate_in_file:${number}`
  | 'duplicate_email'
  | 'duplicate_phone'

const email = new RegExp(CUSTOMER_EMAIL_PATTERN, 'i')
const limited = Object.entries(CUSTOMER_FIELD_MAX_CHARS) as [LimitedColumn, number][]

/** The field problems of a row, in the database's order. */
export function rowProblems(row: StagedCustomerRow): ImportProblem[] {
  const problems: ImportProblem[] = []
  if (!row.first_name?.trim()) problems.push('name_missing')
  const address = row.email?.trim()
  if (address && (!email.test(address) || address.length > IMPORT_EMAIL_MAX_CHARS))
    problems.push('email_invalid')
  for (const [column, max] of limited) {
    if ((row[column]?.trim().length ?? 0) > max) problems.push(`too_long:${column}`)
  }
  return problems
}

/** A problem code in words for staff ("E-mail is not a valid address"). Unknown codes are shown as they are. */
export function describeImportProblem(code: string): string {
  if (code === 'name_missing') return 'Missing name (a first name or a full name is needed)'
  if (code === 'email_invalid') return 'E-mail is not a valid address'
  if (code === 'duplicate_email') return 'A customer with this e-mail already exists'
  if (code === 'duplicate_phone') return 'A customer with this phone number already exists'
  const [kind, detail] = code.split(':')
  if (kind === 'too_long' && detail && detail in CUSTOMER_FIELD_MAX_CHARS) {
    const column = detail as LimitedColumn
    return `${importFieldLabel[column]} is longer than ${CUSTOMER_FIELD_MAX_CHARS[column]} characters`
  }
  if (kind === 'duplicate_in_file' && detail)
    return `Same e-mail or phone as row ${detail} of this file`
  return code
}
