import { describe, expect, it } from 'vitest'
import { formatAddress, hasAddress, sameAddress } from './address.ts'
import {
  activeProperties,
  defaultPropertyId,
  isAwaitingConfirmation,
  propertyActions,
  propertyBadges,
} from './property-state.ts'

const flags = { is_primary: false, confirmed_at: '2026-12-01T00:00:00Z', archived_at: null }

describe('property addresses', () => {
  it('reads as an address line', () => {
    expect(
      formatAddress({
        address_line1: '1204 Barton Hills Dr',
        address_line2: 'Apt 2',
        city: 'Austin',
        region: 'TX',
        postal_code: '78704',
      }),
    ).toBe('1204 Barton Hills Dr, Apt 2, Austin, TX 78704')
    expect(
      formatAddress({ address_line1: '707 E Oltorf St', city: ' ', postal_code: '78704' }),
    ).toBe('707 E Oltorf St, 78704')
    expect(formatAddress({})).toBe('')
    expect(hasAddress({ address_line1: '  ' })).toBe(false)
  })

  it('knows one place written two ways, and two places', () => {
    expect(
      sameAddress(
        { address_line1: '1204 Barton Hills Dr.', city: 'Austin' },
        { address_line1: '1204  barton hills dr', postal_code: '78704' },
      ),
    ).toBe(true)
    expect(
      sameAddress(
        { address_line1: '12 Elm St', address_line2: 'Apt 2' },
        { address_line1: '12 Elm St', address_line2: 'Apt 3' },
      ),
    ).toBe(false)
    expect(
      sameAddress(
        { address_line1: '12 Elm St', city: 'Austin' },
        { address_line1: '12 Elm St', city: 'Dallas' },
      ),
    ).toBe(false)
    expect(sameAddress({ address_line1: '' }, { address_line1: '' })).toBe(false)
  })
})

describe('property state', () => {
  it('wears Main, Waiting for confirmation and Archived badges', () => {
    expect(propertyBadges({ ...flags, is_primary: true }).map((b) => b.label)).toEqual(['Main'])
    expect(propertyBadges({ ...flags, confirmed_at: null }).map((b) => b.label)).toEqual([
      'Waiting for confirmation',
    ])
    expect(
      propertyBadges({ ...flags, archived_at: '2026-12-02T00:00:00Z' }).map((b) => b.label),
    ).toEqual(['Archived'])
    expect(
      isAwaitingConfirmation({ ...flags, confirmed_at: null, archived_at: '2026-12-02T00:00:00Z' }),
    ).toBe(false)
  })

  it('offers what may be done next; the main property is never archived', () => {
    expect(propertyActions({ ...flags, is_primary: true })).toEqual({
      confirm: false,
      makeMain: false,
      archive: false,
      restore: false,
    })
    expect(propertyActions({ ...flags, confirmed_at: null })).toEqual({
      confirm: true,
      makeMain: true,
      archive: true,
      restore: false,
    })
    expect(propertyActions({ ...flags, archived_at: 'x' })).toEqual({
      confirm: false,
      makeMain: false,
      archive: false,
      restore: true,
    })
  })

  it('defaults new work to the main property, else the first usable one', () => {
    const a = { ...flags, id: 'a' }
    const b = { ...flags, id: 'b', is_primary: true }
    expect(defaultPropertyId([a, b])).toBe('b')
    expect(defaultPropertyId([{ ...b, archived_at: 'x' }, a])).toBe('a')
    expect(defaultPropertyId([])).toBeNull()
  })
})

describe('properties as the portal lists them', () => {
  const home = {
    id: 'a',
    is_primary: true,
    address_line1: '1204 Barton Hills Dr',
    address_line2: null,
    city: 'Austin',
    region: 'TX',
    postal_code: '78704',
    confirmed_at: '2026-01-01T00:00:00Z',
    archived_at: null,
  }
  const rental = {
    ...home,
    id: 'b',
    is_primary: false,
    address_line2: ' Unit 3 ',
    region: null,
    confirmed_at: null,
  }

  it('formats an address from the parts that are there', () => {
    expect(formatAddress(home)).toBe('1204 Barton Hills Dr, Austin, TX 78704')
    expect(formatAddress(rental)).toBe('1204 Barton Hills Dr, Unit 3, Austin, 78704')
  })

  it('knows which wait for the office, which is the default and which are active', () => {
    expect(isAwaitingConfirmation(home)).toBe(false)
    expect(isAwaitingConfirmation(rental)).toBe(true)
    expect(defaultPropertyId([rental, home])).toBe('a')
    expect(defaultPropertyId([rental])).toBe('b')
    expect(defaultPropertyId([])).toBeNull()
    expect(activeProperties([home, { ...rental, archived_at: '2026-02-01T00:00:00Z' }])).toEqual([
      home,
    ])
  })
})
