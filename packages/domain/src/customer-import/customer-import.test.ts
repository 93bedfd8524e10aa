import { describe, expect, it } from 'vitest'
import { chunkRows } from './chunks.ts'
import type { StagedCustomerRow } from './fields.ts'
import { mapRow, splitFullName } from './map-rows.ts'
import { detectPreset, normalizeHeader, suggestMapping } from './presets.ts'
import { describeImportProblem, rowProblems } from './problems.ts'
import { checkCsvFile, checkCsvText, readCsvTable } from './read-table.ts'

const staged = (values: Partial<StagedCustomerRow>): StagedCustomerRow => ({
  csv_row: 2,
  first_name: 'Alice',
  last_name: 'Johnson',
  email: null,
  phone: null,
  address_line1: null,
  address_line2: null,
  city: null,
  region: null,
  postal_code: null,
  ...values,
})

describe('presets and header matching', () => {
  it('recognises a Jobber client export and maps its columns', () => {
    const headers = [
      'J-ID',
      'Display Name',
      'First Name',
      'Last Name',
      'E-mails',
      'Main Phone #s',
      'Mobile Phone #s',
      'Billing Street 1',
      'Billing Street 2',
      'Billing City',
      'Billing State',
      'Billing Zip code',
    ]
    expect(detectPreset(headers)).toBe('jobber')
    expect(suggestMapping(headers)).toEqual({
      first_name: 2,
      last_name: 3,
      full_name: 1,
      email: 4,
      phone: 6,
      address_line1: 7,
      address_line2: 8,
      city: 9,
      region: 10,
      postal_code: 11,
    })
  })

  it('recognises a Housecall Pro export', () => {
    const headers = [
      'First Name',
      'Last Name',
      'Email',
      'Company',
      'Mobile Phone',
      'Home Phone',
      'Customer Tags',
      'Street',
      'Street Line 2',
      'City',
      'State',
      'Zip',
    ]
    expect(detectPreset(headers)).toBe('housecall-pro')
    expect(suggestMapping(headers)).toMatchObject({
      email: 2,
      phone: 4,
      address_line1: 7,
      address_line2: 8,
      city: 9,
      region: 10,
      postal_code: 11,
    })
  })

  it('matches common names without case or punctuation, and leaves unknown fields unmapped', () => {
    expect(normalizeHeader(' E-Mail Address ')).toBe('emailaddress')
    const headers = [
      'NAME',
      'e-mail',
      'Cell Phone',
      'Street 1',
      'zip/postal code',
      'Favourite colour',
    ]
    expect(detectPreset(headers)).toBe('generic')
    expect(suggestMapping(headers)).toEqual({
      first_name: null,
      last_name: null,
      full_name: 0,
      email: 1,
      phone: 2,
      address_line1: 3,
      address_line2: null,
      city: null,
      region: null,
      postal_code: 4,
    })
  })

  it('uses each column for one field only', () => {
    // "Street" is address line 1 for Housecall Pro; it must not also fill line 2.
    expect(suggestMapping(['Street'], 'housecall-pro')).toMatchObject({
      address_line1: 0,
      address_line2: null,
    })
  })
})

describe('reading the file', () => {
  it('refuses files that are not CSV, empty or too large, saying which', () => {
    expect(
      checkCsvFile({
        name: 'clients.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        size: 10,
      }),
    ).toMatch(/“clients.xlsx” is not a CSV file/)
    expect(checkCsvFile({ name: 'c.csv', type: 'text/csv', size: 0 })).toBe('“c.csv” is empty.')
    expect(checkCsvFile({ name: 'c.csv', type: 'text/csv', size: 30 * 1024 * 1024 })).toMatch(
      /larger than 20 MB/,
    )
    expect(checkCsvFile({ name: 'c.CSV', type: '', size: 10 })).toBeNull()
    expect(checkCsvText('c.csv', 'PK\u0003\u0004\u0000\u0000')).toMatch(/not a CSV text file/)
    expect(checkCsvText('c.csv', ' \n \n')).toBe('“c.csv” is empty.')
  })

  it('numbers rows as a spreadsheet does, skipping blank lines', () => {
    const table = readCsvTable([['\uFEFFFirst Name', 'Email'], ['Ann', 'a@x.io'], [''], ['Bo', '']])
    expect(table).toEqual({
      ok: true,
      headers: ['First Name', 'Email'],
      rows: [
        { csvRow: 2, cells: ['Ann', 'a@x.io'] },
        { csvRow: 4, cells: ['Bo', ''] },
      ],
    })
  })

  it('says what is wrong: empty, no data, missing header row, too many rows', () => {
    expect(readCsvTable([])).toEqual({ ok: false, error: 'The file is empty.' })
    expect(readCsvTable([['Name', 'Email']])).toEqual({
      ok: false,
      error: 'The file has column names but no customers.',
    })
    const noHeader = readCsvTable([
      ['Ann', 'ann@example.com'],
      ['Bo', 'bo@example.com'],
    ])
    expect(noHeader.ok === false && noHeader.error).toMatch(
      /first row is a customer, not column names/,
    )
    const huge = readCsvTable([['Name'], ...Array.from({ length: 20_001 }, (_, i) => [`P${i}`])])
    expect(huge.ok === false && huge.error).toBe(
      'The file has 20,001 customers; at most 20,000 can be imported at once. Split it into smaller files.',
    )
    expect(
      readCsvTable([['Name'], ...Array.from({ length: 20_000 }, (_, i) => [`P${i}`])]).ok,
    ).toBe(true)
  })
})

describe('mapping rows', () => {
  const mapping = suggestMapping(
    ['First Name', 'Last Name', 'Name', 'E-mails', 'Mobile Phone #s', 'City'],
    'jobber',
  )

  it('trims, lower-cases the e-mail and takes the first of several e-mails or phones', () => {
    const row = mapRow(
      {
        csvRow: 7,
        cells: [
          ' Ann ',
          'Lee',
          '',
          'Ann@X.io, other@x.io',
          '(512) 555-0100 / 512 555 0101',
          ' Austin ',
        ],
      },
      mapping,
    )
    expect(row).toEqual({
      csv_row: 7,
      first_name: 'Ann',
      last_name: 'Lee',
      email: 'ann@x.io',
      phone: '(512) 555-0100',
      address_line1: null,
      address_line2: null,
      city: 'Austin',
      region: null,
      postal_code: null,
    })
  })

  it('splits the full name when the name columns are empty', () => {
    expect(mapRow({ csvRow: 2, cells: ['', '', 'Mary Ann Smith'] }, mapping)).toMatchObject({
      first_name: 'Mary Ann',
      last_name: 'Smith',
    })
    expect(splitFullName('Smith, Mary')).toEqual({ first: 'Mary', last: 'Smith' })
    expect(splitFullName('Cher')).toEqual({ first: 'Cher', last: null })
    expect(splitFullName('  ')).toEqual({ first: null, last: null })
  })

  it('cuts huge cells just past the staging limit, so they are still reported as too long', () => {
    const row = mapRow({ csvRow: 2, cells: ['x'.repeat(5000)] }, mapping)
    expect(row.first_name).toHaveLength(1000)
    expect(rowProblems(row)).toEqual(['too_long:first_name'])
  })
})

describe('row problems', () => {
  it('finds a missing name, a bad e-mail and over-long fields, with the database limits', () => {
    expect(rowProblems(staged({}))).toEqual([])
    expect(rowProblems(staged({ first_name: ' ', email: 'not-an-email' }))).toEqual([
      'name_missing',
      'email_invalid',
    ])
    expect(
      rowProblems(
        staged({ first_name: 'x'.repeat(100), postal_code: '1'.repeat(21), phone: '1'.repeat(41) }),
      ),
    ).toEqual(['too_long:phone', 'too_long:postal_code'])
    expect(rowProblems(staged({ email: `${'a'.repeat(250)}@x.io` }))).toEqual(['email_invalid'])
  })

  it('words every code the database reports', () => {
    expect(describeImportProblem('name_missing')).toMatch(/Missing name/)
    expect(describeImportProblem('too_long:address_line1')).toBe(
      'Address line 1 is longer than 200 characters',
    )
    expect(describeImportProblem('duplicate_in_file:12')).toBe(
      'Same e-mail or phone as row 12 of this file',
    )
    expect(describeImportProblem('duplicate_email')).toBe(
      'A customer with this e-mail already exists',
    )
    expect(describeImportProblem('duplicate_phone')).toBe(
      'A customer with this phone number already exists',
    )
    expect(describeImportProblem('something_new')).toBe('something_new')
  })
})

describe('chunks', () => {
  it('cuts at 1,000 rows or the byte budget, whichever comes first', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ i }))
    expect(chunkRows(rows).map((c) => c.length)).toEqual([1000, 1000, 500])
    const big = Array.from({ length: 10 }, () => ({ text: 'x'.repeat(200_000) }))
    expect(chunkRows(big).map((c) => c.length)).toEqual([2, 2, 2, 2, 2])
    expect(chunkRows([])).toEqual([])
  })
})
