// Which CSV column fills which field. Exports of other field-service tools get a preset with their
// own column names; anything else is matched by common names. Names compare without case, spaces
// or punctuation ("E-mails" = "emails", "Zip code" = "ZIP/Code").
import type { ColumnMapping, ImportField } from './fields.ts'
import { importFields } from './fields.ts'

export type ImportPresetId = 'jobber' | 'housecall-pro' | 'generic'

export interface ImportPreset {
  id: ImportPresetId
  label: string
  /** Column names per field, best first. */
  columns: Partial<Record<ImportField, readonly string[]>>
  /** Names only this tool's export has: finding them picks the preset. */
  signature: readonly string[]
}

// Jobber's client export ("Clients" › Export): contact columns, then billing and service addresses.
// Names as documented by Jobber's help centre and seen in its CSV files; not checked against a live
// account.
const jobber: ImportPreset = {
  id: 'jobber',
  label: 'Jobber',
  columns: {
    first_name: ['First Name'],
    last_name: ['Last Name'],
    full_name: ['Display Name'],
    email: ['E-mails', 'Email'],
    phone: ['Mobile Phone #s', 'Main Phone #s', 'Home Phone #s', 'Work Phone #s'],
    address_line1: ['Billing Street 1', 'Service Street 1'],
    address_line2: ['Billing Street 2', 'Service Street 2'],
    city: ['Billing City', 'Service City'],
    region: ['Billing State', 'Service State', 'Billing Province'],
    postal_code: ['Billing Zip code', 'Billing Zip', 'Service Zip code', 'Billing Postal code'],
  },
  signature: ['J-ID', 'E-mails', 'Main Phone #s', 'Mobile Phone #s', 'Billing Street 1'],
}

// Housecall Pro's customer export and exported reports ("Customers" › Export): First Name, Last
// Name, Email, Company, Mobile Phone, Home Phone, then the address as Street, Street Line 2, City,
// State, Zip (from Housecall Pro's "Exported Report Breakdown").
const housecallPro: ImportPreset = {
  id: 'housecall-pro',
  label: 'Housecall Pro',
  columns: {
    first_name: ['First Name'],
    last_name: ['Last Name'],
    full_name: ['Display Name', 'Customer'],
    email: ['Email'],
    phone: ['Mobile Phone', 'Home Phone', 'Work Phone'],
    address_line1: ['Street', 'Address'],
    address_line2: ['Street Line 2'],
    city: ['City'],
    region: ['State'],
    postal_code: ['Zip', 'Zip Code'],
  },
  signature: ['Street Line 2', 'Customer Tags', 'Mobile Phone', 'Home Phone'],
}

const generic: ImportPreset = {
  id: 'generic',
  label: 'Other (match column names)',
  columns: {
    first_name: ['First Name', 'First', 'Given Name', 'FName', 'Forename'],
    last_name: ['Last Name', 'Last', 'Surname', 'Family Name', 'LName'],
    full_name: [
      'Full Name',
      'Name',
      'Customer Name',
      'Client Name',
      'Contact Name',
      'Display Name',
      'Customer',
      'Client',
    ],
    email: ['Email', 'E-mail', 'Email Address', 'E-mail Address', 'Emails', 'Primary Email'],
    phone: [
      'Phone',
      'Phone Number',
      'Mobile Phone',
      'Mobile',
      'Mobile Number',
      'Cell',
      'Cell Phone',
      'Main Phone',
      'Home Phone',
      'Work Phone',
      'Telephone',
      'Tel',
    ],
    address_line1: [
      'Address',
      'Address 1',
      'Address Line 1',
      'Street',
      'Street 1',
      'Street Address',
      'Address1',
    ],
    address_line2: [
      'Address 2',
      'Address Line 2',
      'Street 2',
      'Street Line 2',
      'Address2',
      'Apt',
      'Unit',
      'Suite',
    ],
    city: ['City', 'Town'],
    region: ['State', 'Region', 'Province', 'State/Region', 'Province/State', 'County'],
    postal_code: ['Zip', 'ZIP Code', 'Postal Code', 'Postcode', 'Zip/Postal Code', 'Postal'],
  },
  signature: [],
}

export const importPresets: readonly ImportPreset[] = [jobber, housecallPro, generic]

/** A column name without case, spaces or punctuation. */
export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}

function presetById(id: ImportPresetId): ImportPreset {
  return importPresets.find((p) => p.id === id) ?? generic
}

/** The tool whose export this looks like (two of its own column names present), else generic. */
export function detectPreset(headers: readonly string[]): ImportPresetId {
  const present = new Set(headers.map(normalizeHeader))
  let best: ImportPresetId = 'generic'
  let bestScore = 1
  for (const preset of importPresets) {
    const score = preset.signature.filter((name) => present.has(normalizeHeader(name))).length
    if (score > bestScore) {
      best = preset.id
      bestScore = score
    }
  }
  return best
}

/**
 * The columns a preset picks for each field: its own names first, then the common names, each CSV
 * column used once. A file with only "Name" gets it as the full name.
 */
export function suggestMapping(
  headers: readonly string[],
  presetId: ImportPresetId = detectPreset(headers),
): ColumnMapping {
  const index = new Map<string, number>()
  headers.forEach((h, i) => {
    const key = normalizeHeader(h)
    if (key && !index.has(key)) index.set(key, i)
  })
  const used = new Set<number>()
  const mapping = Object.fromEntries(importFields.map((f) => [f, null])) as ColumnMapping
  const preset = presetById(presetId)
  for (const field of importFields) {
    const names = [...(preset.columns[field] ?? []), ...(generic.columns[field] ?? [])]
    for (const name of names) {
      const column = index.get(normalizeHeader(name))
      if (column !== undefined && !used.has(column)) {
        mapping[field] = column
        used.add(column)
        break
      }
    }
  }
  return mapping
}
