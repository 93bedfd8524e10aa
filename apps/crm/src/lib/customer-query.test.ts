import { describe, expect, it } from 'vitest'
import { customerGridHref, parseCustomerGridQuery } from './customer-query.ts'

describe('customer grid query', () => {
  it('falls back to safe defaults for unknown or hostile values', () => {
    expect(parseCustomerGridQuery({ sort: 'password; drop table', dir: 'sideways', portal: 'x', page: '-4' })).toEqual({
      q: '',
      sort: 'last_name',
      dir: 'asc',
      portal: 'all',
      archived: false,
      page: 0,
    })
  })

  it('leaves archived customers out unless "Show archived" is on', () => {
    expect(parseCustomerGridQuery({}).archived).toBe(false)
    const shown = parseCustomerGridQuery({ archived: '1' })
    expect(shown.archived).toBe(true)
    expect(customerGridHref(shown, { page: 1 })).toBe('/customers?archived=1&page=1')
    expect(customerGridHref(shown, { archived: false })).toBe('/customers')
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
