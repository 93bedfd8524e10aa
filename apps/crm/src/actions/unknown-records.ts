import { fail } from '@repo/actions/result'

// What staff read when an id they sent does not lead to a record they may see: found missing by a
// lookup, or refused by a foreign key (RLS hides other organizations' rows, so both mean the same).

export const unknownCustomer = () => fail('Unknown customer.', { customerId: ['This customer does not exist.'] })

/** Foreign keys by column, for an action's `errors.foreignKeys`. */
export const customerKey = { customer_id: { field: 'customerId', message: 'Unknown customer.' } } as const
export const technicianKey = { technician_id: { field: 'technicianId', message: 'Unknown technician.' } } as const
