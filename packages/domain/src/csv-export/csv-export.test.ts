import type { CustomerRow, InvoiceRow, JobRow } from '@repo/database/types'
import { describe, expect, it } from 'vitest'
import { centsToDecimal, csvCell, toCsv } from './csv.ts'
import { csvDateTime, customersCsv, invoicesCsv, jobsCsv } from './exports.ts'

describe('csv cells', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a, b')).toBe('"a, b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(12)).toBe('12')
  })

  it('defuses formulas: text starting with = + - @ tab or CR gets an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"')
    expect(csvCell('+1 512 555 0100')).toBe("'+1 512 555 0100")
    expect(csvCell('-5')).toBe("'-5")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('a=b')).toBe('a=b')
  })

  it('writes a BOM, a header and CRLF lines', () => {
    expect(
      toCsv([{ header: 'A', value: (r: { a: string }) => r.a }], [{ a: 'x' }, { a: 'y,z' }]),
    ).toBe('\uFEFFA\r\nx\r\n"y,z"\r\n')
  })

  it('turns integer cents into decimal amounts', () => {
    expect(centsToDecimal(0)).toBe('0.00')
    expect(centsToDecimal(5)).toBe('0.05')
    expect(centsToDecimal(123456)).toBe('1234.56')
    expect(centsToDecimal(-250)).toBe('-2.50')
  })
})

describe('exports', () => {
  const customer = {
    id: 'c1',
    first_name: 'Alice',
    last_name: 'Johnson',
    email: 'alice@example.com',
    phone: '(512) 555-0142',
    address_line1: '12 Oak St, Apt 3',
    address_line2: null,
    city: 'Austin',
    region: 'TX',
    postal_code: '78701',
    portal_user_id: 'u1',
    created_at: '2026-03-01T23:30:00Z',
  } as CustomerRow

  it('dates are the organization’s wall time', () => {
    expect(csvDateTime('2026-03-01T23:30:00Z', 'America/Chicago')).toBe('2026-03-01 17:30')
    expect(csvDateTime('2026-03-01T23:30:00Z', 'Asia/Tokyo')).toBe('2026-03-02 08:30')
    expect(csvDateTime(null, 'UTC')).toBe('')
  })

  it('customers', () => {
    const lines = customersCsv([customer], 'America/Chicago').split('\r\n')
    expect(lines[0]).toBe(
      '\uFEFFFirst name,Last name,Email,Phone,Address line 1,Address line 2,City,State/region,ZIP/postal code,Portal login,Created (America/Chicago),Customer ID',
    )
    expect(lines[1]).toBe(
      'Alice,Johnson,alice@example.com,(512) 555-0142,"12 Oak St, Apt 3",,Austin,TX,78701,yes,2026-03-01 17:30,c1',
    )
  })

  it('jobs and invoices name the customer and technician and show money as decimals', () => {
    const names = { customers: new Map([['c1', customer]]), staff: new Map([['t1', 'Tom Becker']]) }
    const job = {
      id: 'j1',
      customer_id: 'c1',
      technician_id: 't1',
      title: 'Carpet cleaning',
      status: 'en_route',
      scheduled_start: '2026-03-02T15:00:00Z',
      scheduled_end: '2026-03-02T17:00:00Z',
      address: null,
      price_cents: 12550,
    } as JobRow
    expect(jobsCsv([job], names, 'America/Chicago').split('\r\n')[1]).toBe(
      'Carpet cleaning,Alice Johnson,En route,2026-03-02 09:00,2026-03-02 11:00,Tom Becker,,125.50,j1,c1',
    )
    const invoice = {
      id: 'i1',
      customer_id: 'c1',
      number: 'INV-1001',
      status: 'sent',
      issued_at: '2026-03-01T15:00:00Z',
      due_at: '2026-03-10T15:00:00Z',
      paid_at: null,
      subtotal_cents: 10000,
      tax_cents: 825,
      total_cents: 10825,
    } as InvoiceRow
    const row = (now: number) =>
      invoicesCsv([invoice], names, 'America/Chicago', now).split('\r\n')[1]
    expect(row(Date.parse('2026-03-05T00:00:00Z'))).toBe(
      'INV-1001,Alice Johnson,sent,2026-03-01 09:00,2026-03-10 10:00,,100.00,8.25,108.25,i1,c1',
    )
    expect(row(Date.parse('2026-03-11T00:00:00Z'))).toContain(',overdue,')
  })
})
