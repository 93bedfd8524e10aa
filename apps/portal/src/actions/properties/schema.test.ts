import { describe, expect, it } from 'vitest'
import { addPropertySchema, updatePropertySchema } from './schema.ts'

const address = {
  label: ' Rental ',
  address_line1: ' 707 E Oltorf St ',
  address_line2: '',
  city: 'Austin',
  region: '',
  postal_code: '78704',
  access_notes: '',
}

describe('addPropertySchema', () => {
  it('trims, and turns blank optional fields into nulls', () => {
    const parsed = addPropertySchema.parse(address)
    expect(parsed).toMatchObject({
      label: 'Rental',
      address_line1: '707 E Oltorf St',
      address_line2: null,
      access_notes: null,
    })
  })

  it('needs a name and a street address, and limits lengths', () => {
    expect(addPropertySchema.safeParse({ ...address, label: ' ' }).success).toBe(false)
    expect(addPropertySchema.safeParse({ ...address, address_line1: '' }).success).toBe(false)
    expect(
      addPropertySchema.safeParse({ ...address, access_notes: 'x'.repeat(2001) }).success,
    ).toBe(false)
    expect(addPropertySchema.safeParse({ ...address, postal_code: '1'.repeat(21) }).success).toBe(
      false,
    )
  })
})

describe('updatePropertySchema', () => {
  it('takes the name and access notes of a known property', () => {
    const propertyId = '31000000-0000-4000-8000-000000000003'
    expect(
      updatePropertySchema.parse({ propertyId, label: 'Home', access_notes: ' Gate 4321 ' }),
    ).toEqual({
      propertyId,
      label: 'Home',
      access_notes: 'Gate 4321',
    })
    expect(
      updatePropertySchema.safeParse({ propertyId: 'x', label: 'Home', access_notes: '' }).success,
    ).toBe(false)
  })
})
