'use server'

import { ok } from '@repo/actions/result'
import { createProperty, listCustomerProperties, updateProperty } from '@repo/database/repositories'
import type { RowUpdate } from '@repo/database/types'
import { staffAction } from '@/lib/staff-action.ts'
import { customerKey } from '../unknown-records.ts'
import {
  type PropertyChange,
  propertyChangeSchema,
  propertyChoicesSchema,
  propertyCreateSchema,
  propertyUpdateSchema,
} from './schema.ts'

const customerPage = (customerId: string) => `/customers/${customerId}`

/** Staff add a service address; theirs need no confirmation. The first one is the main one. */
export const createPropertyAction = staffAction(
  {
    name: 'properties.create',
    schema: propertyCreateSchema,
    role: 'customers.edit',
    errors: { foreignKeys: customerKey },
  },
  async ({ input, ctx: { supabase, organization }, revalidate }) => {
    const { customerId, makeMain, ...fields } = input
    const existing = await listCustomerProperties(supabase, customerId)
    const hasMain = existing.some((p) => p.is_primary && p.archived_at === null)
    const property = await createProperty(supabase, {
      ...fields,
      organization_id: organization.id,
      customer_id: customerId,
      is_primary: makeMain || !hasMain,
      confirmed_at: new Date().toISOString(),
    })
    revalidate(customerPage(customerId))
    return ok(property)
  },
)

export const updatePropertyAction = staffAction(
  { name: 'properties.update', schema: propertyUpdateSchema, role: 'customers.edit' },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const { propertyId, ...fields } = input
    const property = await updateProperty(supabase, propertyId, fields)
    revalidate(customerPage(property.customer_id))
    return ok(property)
  },
)

const patches: Record<PropertyChange, () => RowUpdate<'properties'>> = {
  // The office has checked the address a customer added in the portal.
  confirm: () => ({ confirmed_at: new Date().toISOString() }),
  make_main: () => ({ is_primary: true, archived_at: null }),
  archive: () => ({ archived_at: new Date().toISOString() }),
  restore: () => ({ archived_at: null }),
}

/** Confirm, make main, archive or restore (the database refuses archiving the main property). */
export const changePropertyAction = staffAction(
  { name: 'properties.change', schema: propertyChangeSchema, role: 'customers.edit' },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const property = await updateProperty(supabase, input.propertyId, patches[input.change]())
    revalidate(customerPage(property.customer_id))
    return ok(property)
  },
)

/** A customer's usable properties, for the property select of new quotes and invoices. */
export const listPropertyChoicesAction = staffAction(
  { name: 'properties.choices', schema: propertyChoicesSchema },
  async ({ input, ctx: { supabase } }) =>
    ok(
      (await listCustomerProperties(supabase, input.customerId)).filter(
        (p) => p.archived_at === null,
      ),
    ),
)
