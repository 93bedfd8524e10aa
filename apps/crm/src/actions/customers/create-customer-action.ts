'use server'

import { describeError, nullIfNotFound } from '@repo/actions/errors'
import { ok } from '@repo/actions/result'
import {
  addCustomerNote,
  createCustomer,
  createProperty,
  findDuplicateCustomers,
  getCustomer,
  listCustomerProperties,
  updateCustomer,
  updateProperty,
} from '@repo/database/repositories'
import type { Client, CustomerRow } from '@repo/database/types'
import { planMerge } from '@repo/domain/customers'
import { hasAddress } from '@repo/domain/properties'
import { staffAction } from '@/lib/staff-action.ts'
import { unknownCustomer } from '../unknown-records.ts'
import { toDuplicateMatch, type DuplicateMatch } from './duplicate-match.ts'
import { type CustomerCreate, customerCreateSchema } from './schema.ts'

export type NewCustomerOutcome =
  | { status: 'created' | 'merged'; customer: CustomerRow; warnings: string[] }
  | { status: 'duplicates'; matches: DuplicateMatch[] }

const addressOf = (input: CustomerCreate) => ({
  address_line1: input.address_line1,
  address_line2: input.address_line2,
  city: input.city,
  region: input.region,
  postal_code: input.postal_code,
})

/**
 * The address and the first note are saved after the customer. Staff may not delete a customer to
 * undo a half-done add, so a failure there is reported beside the success: nothing typed is lost
 * (the mailing address is on the record) and the rest can be added on the record.
 */
async function addExtras(
  supabase: Client,
  customer: CustomerRow,
  input: CustomerCreate,
  property: { add: boolean; asMain: boolean } | { nameMain: true },
  authorStaffId: string,
): Promise<string[]> {
  const warnings: string[] = []
  if ('nameMain' in property) {
    // The database made the address the main "Home" property; it takes the name and notes typed.
    try {
      const main = (await listCustomerProperties(supabase, customer.id)).find((p) => p.is_primary)
      if (main && (main.label !== input.property_label || input.access_notes))
        await updateProperty(supabase, main.id, { label: input.property_label, access_notes: input.access_notes })
    } catch (error) {
      warnings.push(
        `The property's name and access notes were not saved (${describeError(error).error}). Add them on the Properties tab.`,
      )
    }
  } else if (property.add) {
    try {
      await createProperty(supabase, {
        organization_id: customer.organization_id,
        customer_id: customer.id,
        label: input.property_label,
        ...addressOf(input),
        address_line1: input.address_line1 ?? '',
        access_notes: input.access_notes,
        is_primary: property.asMain,
        confirmed_at: new Date().toISOString(),
      })
    } catch (error) {
      warnings.push(
        `The address was not added as a property (${describeError(error).error}). Add it on the Properties tab.`,
      )
    }
  }
  if (input.note) {
    try {
      await addCustomerNote(supabase, {
        organization_id: customer.organization_id,
        customer_id: customer.id,
        author_staff_id: authorStaffId,
        body: input.note,
      })
    } catch (error) {
      warnings.push(
        `The note was not saved (${describeError(error).error}). Add it on the Activity tab.`,
      )
    }
  }
  return warnings
}

/**
 * Adds a customer (the database makes their address their main property, "Home" unless named) unless one
 * with the same e-mail or phone exists: then the matches come back for the office to open, merge
 * into, or create anyway. Merging fills what the existing customer lacks and adds the rest.
 */
export const createCustomerAction = staffAction(
  {
    name: 'customers.create',
    schema: customerCreateSchema,
    role: 'customers.edit',
    revalidate: ['/customers'],
  },
  async ({ input, ctx: { supabase, organization, staff }, revalidate }) => {
    if (input.mergeInto) {
      const existing = await nullIfNotFound(getCustomer(supabase, input.mergeInto))
      if (!existing) return unknownCustomer()
      const properties = await listCustomerProperties(supabase, existing.id)
      const plan = planMerge(existing, properties, input)
      const customer =
        Object.keys(plan.patch).length > 0
          ? await updateCustomer(supabase, existing.id, plan.patch)
          : existing
      const warnings = await addExtras(
        supabase,
        customer,
        input,
        { add: plan.addProperty, asMain: plan.asMain },
        staff.id,
      )
      revalidate(`/customers/${customer.id}`)
      return ok<NewCustomerOutcome>({ status: 'merged', customer, warnings })
    }
    if (!input.allowDuplicate) {
      const matches = await findDuplicateCustomers(supabase, organization.id, input)
      if (matches.length > 0)
        return ok<NewCustomerOutcome>({
          status: 'duplicates',
          matches: matches.map(toDuplicateMatch),
        })
    }
    const { tags, source } = input
    const customer = await createCustomer(supabase, {
      organization_id: organization.id,
      first_name: input.first_name,
      last_name: input.last_name,
      email: input.email,
      phone: input.phone,
      ...addressOf(input),
      tags,
      source,
    })
    const warnings = await addExtras(
      supabase,
      customer,
      input,
      hasAddress(input) ? { nameMain: true } : { add: false, asMain: false },
      staff.id,
    )
    return ok<NewCustomerOutcome>({ status: 'created', customer, warnings })
  },
)
