import { describe, expect, it } from 'vitest'
import { customerGridHref, parseCustomerGridQuery } from './customer-query.ts'

describe('customer grid query', () => {
  it('falls back to safe defaults for unknown or hostile values', () => {
    expect(parseCustomerGridQuery({ sort: 'password; drop table', dir: 'sideways', portal: 'x', page: '-4' })).toEqual({
      q: '',
      sort: 'last_name',
      dir: 'asc',
      portal: 'all',
      page: 0,
    })
  })

  it('round-trips through the URL and resets nothing it was not asked to', () => {
    const query = parseCustomerGridQuery({ q: 'smith', sort: 'city', dir: 'desc', portal: 'with_portal', page: '2' })
    const href = customerGridHref(query, { page: 3 })
    expect(href).toBe('/customers?q=smith&sort=city&dir=desc&portal=with_portal&page=3')
    const back = parseCustomerGridQuery(Object.fromEntries(new URL(href, 'http://x').searchParams))
    expect(back).toEqual({ ...query, page: 3 })
    expect(customerGridHref(query, { q: '', sort: 'last_name', dir: 'asc', portal: 'all', page: 0 })).toBe('/customers')
  })
})

describe('board days', async () => {
  const { dayKey, daysFrom, parseDayParam } = await import('./board-days.ts')

  it('uses the organization time zone for the calendar day', () => {
    // 03:30 UTC is still the previous evening in New York.
    expect(dayKey('2026-11-24T03:30:00Z', 'America/New_York')).toBe('2026-11-23')
    expect(dayKey('2026-11-24T03:30:00Z', 'UTC')).toBe('2026-11-24')
  })

  it('steps whole days across month ends and ignores malformed day params', () => {
    expect(daysFrom('2026-11-29', 4)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'])
    expect(parseDayParam('2026-13-45', 'UTC', new Date('2026-11-22T10:00:00Z'))).toBe('2026-11-22')
    expect(parseDayParam('2026-11-30', 'UTC')).toBe('2026-11-30')
  })
})
