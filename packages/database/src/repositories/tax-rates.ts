import type { Client, TaxRateRow } from '../types.ts'
import { unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

/** The business's tax rates: the default first, then by name. */
export async function listTaxRates(
  client: Client,
  organizationId: string,
  options: { includeInactive?: boolean } = {},
): Promise<TaxRateRow[]> {
  let query = client.from('tax_rates').select('*').eq('organization_id', assertUuid(organizationId, 'organizationId'))
  if (!options.includeInactive) query = query.eq('active', true)
  const result = await query.order('is_default', { ascending: false }).order('name').order('id')
  return unwrap(result, 'listing tax rates')
}

function checkRate(rateBps: number) {
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > 10_000)
    throw new ValidationError('rateBps', 'must be whole basis points from 0 to 10000')
}

/** Adds a rate (owners and admins, by RLS); `isDefault` takes the flag from the previous default. */
export async function createTaxRate(
  client: Client,
  input: { organizationId: string; name: string; rateBps: number; isDefault?: boolean },
): Promise<TaxRateRow> {
  if (!input.name.trim()) throw new ValidationError('name', 'must not be empty')
  checkRate(input.rateBps)
  const result = await client
    .from('tax_rates')
    .insert({
      organization_id: assertUuid(input.organizationId, 'organizationId'),
      name: input.name.trim(),
      rate_bps: input.rateBps,
      is_default: input.isDefault ?? false,
    })
    .select('*')
    .single()
  return unwrap(result, 'adding the tax rate')
}

/** Makes a rate the default, or withdraws / offers it again (a withdrawn rate is never the default). */
export async function updateTaxRate(
  client: Client,
  taxRateId: string,
  patch: { isDefault?: boolean; active?: boolean },
): Promise<TaxRateRow> {
  const id = assertUuid(taxRateId, 'taxRateId')
  const update: { is_default?: boolean; active?: boolean } = {}
  if (patch.isDefault !== undefined) update.is_default = patch.isDefault
  if (patch.active !== undefined) {
    update.active = patch.active
    if (!patch.active) update.is_default = false
  }
  const result = await client.from('tax_rates').update(update).eq('id', id).select('*').maybeSingle()
  return unwrapOne(result, 'updating the tax rate', 'tax rate', id)
}
