import { describe, expect, it } from 'vitest'
import { preferencesSchema, profileSchema } from './schema.ts'

const base = {
  first_name: 'Alice',
  last_name: 'Anders',
  email: '',
  phone: '',
  address_line1: '',
  address_line2: '',
  city: '',
  region: '',
  postal_code: '',
}

describe('profileSchema', () => {
  it('turns blank optional fields into nulls', () => {
    const parsed = profileSchema.parse({ ...base, city: '  Portland ' })
    expect(parsed.city).toBe('Portland')
    expect(parsed.email).toBeNull()
    expect(parsed.phone).toBeNull()
  })

  it('rejects missing names, bad emails and phones', () => {
    expect(profileSchema.safeParse({ ...base, first_name: ' ' }).success).toBe(false)
    expect(profileSchema.safeParse({ ...base, email: 'not-an-email' }).success).toBe(false)
    expect(profileSchema.safeParse({ ...base, phone: 'call me' }).success).toBe(false)
    expect(profileSchema.safeParse({ ...base, phone: '+1 (503) 555-0100' }).success).toBe(true)
  })
})

describe('preferencesSchema', () => {
  it('needs every kind as a boolean', () => {
    expect(
      preferencesSchema.safeParse({ job_updates: true, invoice_updates: false, message_updates: true, loyalty_updates: true, quote_updates: true }).success,
    ).toBe(true)
    expect(preferencesSchema.safeParse({ job_updates: true }).success).toBe(false)
  })
})
