import { describe, expect, it } from 'vitest'
import {
  canLookForDuplicates,
  describeCustomerMatch,
  matchReason,
  type MergeableCustomer,
  phoneDigits,
  planMerge,
} from './duplicates.ts'

const alice: MergeableCustomer = {
  first_name: 'Alice',
  last_name: 'Johnson',
  email: 'alice@example.com',
  phone: '(512) 555-0142',
  address_line1: '1204 Barton Hills Dr',
  address_line2: null,
  city: 'Austin',
  region: 'TX',
  postal_code: '78704',
  tags: ['VIP'],
  source: null,
}
const home = {
  address_line1: '1204 Barton Hills Dr',
  city: 'Austin',
  postal_code: '78704',
  is_primary: true,
  archived_at: null,
}

describe('possible duplicates', () => {
  it('names the match with its contact details', () => {
    expect(describeCustomerMatch(alice)).toBe('Alice Johnson (alice@example.com, (512) 555-0142)')
    expect(describeCustomerMatch({ ...alice, email: null, phone: ' ' })).toBe('Alice Johnson')
  })

  it('looks only once an e-mail or 7 phone digits are typed', () => {
    expect(canLookForDuplicates({ email: 'alice@exa' })).toBe(false)
    expect(canLookForDuplicates({ email: 'alice@example.com' })).toBe(true)
    expect(canLookForDuplicates({ phone: '555-01' })).toBe(false)
    expect(canLookForDuplicates({ phone: '512 555 0142' })).toBe(true)
    expect(phoneDigits('+1 (512) 555-0142')).toBe('15125550142')
  })

  it('says why a customer matched', () => {
    expect(matchReason(alice, { email: 'ALICE@example.com ' })).toBe('Same e-mail')
    expect(matchReason(alice, { phone: '512.555.0142' })).toBe('Same phone number')
    expect(matchReason(alice, { email: 'alice@example.com', phone: '5125550142' })).toBe(
      'Same e-mail and phone',
    )
  })
})

describe('merging what was typed into an existing customer', () => {
  it('fills only empty contact fields, adds new tags and keeps the source', () => {
    const plan = planMerge({ ...alice, phone: null, source: 'Google' }, [home], {
      email: 'other@example.com',
      phone: '512-555-9999',
      tags: ['vip', 'Pets'],
      source: 'Yelp',
    })
    expect(plan.patch).toEqual({ phone: '512-555-9999', tags: ['VIP', 'Pets'] })
    expect(plan.addProperty).toBe(false)
  })

  it('takes the source when the customer has none', () => {
    expect(planMerge(alice, [home], { source: 'Referral' }).patch).toEqual({ source: 'Referral' })
  })

  it('adds a different address as a property, not the same one written differently', () => {
    expect(
      planMerge(alice, [home], { address_line1: '1204 barton hills dr.', city: 'Austin' })
        .addProperty,
    ).toBe(false)
    const rental = planMerge(alice, [home], { address_line1: '707 E Oltorf St', city: 'Austin' })
    expect(rental).toEqual({ patch: {}, addProperty: true, asMain: false })
  })

  it('gives a customer without an address the typed one as mailing address and main property', () => {
    const bare = { ...alice, address_line1: null, city: null, region: null, postal_code: null }
    const plan = planMerge(bare, [], {
      address_line1: ' 12 Elm St ',
      city: 'Austin',
      region: '',
      postal_code: '78701',
    })
    expect(plan.patch).toEqual({
      address_line1: '12 Elm St',
      address_line2: null,
      city: 'Austin',
      region: null,
      postal_code: '78701',
    })
    expect(plan).toMatchObject({ addProperty: true, asMain: true })
  })
})
