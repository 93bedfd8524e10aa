import type { CustomerRow } from '@repo/database/types'

/** What the new-customer form shows of a possible duplicate (no more of the record than that). */
export interface DuplicateMatch {
  id: string
  first_name: string
  last_name: string
  email: string | null
  phone: string | null
  archived: boolean
}

export function toDuplicateMatch(customer: CustomerRow): DuplicateMatch {
  return {
    id: customer.id,
    first_name: customer.first_name,
    last_name: customer.last_name,
    email: customer.email,
    phone: customer.phone,
    archived: customer.archived_at !== null,
  }
}
