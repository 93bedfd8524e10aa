// Where a business can be set up: country, the currency it bills in by default, and the zones.

export interface Country {
  code: string
  name: string
  currency: string
}

/** The countries the sign-up offers (their formats and taxes are what the product knows). */
export const countries: readonly Country[] = [
  { code: 'US', name: 'United States', currency: 'USD' },
  { code: 'CA', name: 'Canada', currency: 'CAD' },
  { code: 'GB', name: 'United Kingdom', currency: 'GBP' },
  { code: 'IE', name: 'Ireland', currency: 'EUR' },
  { code: 'AU', name: 'Australia', currency: 'AUD' },
  { code: 'NZ', name: 'New Zealand', currency: 'NZD' },
]

export const currencies: readonly string[] = [...new Set(countries.map((c) => c.currency))]

export function defaultCurrency(countryCode: string): string {
  return countries.find((c) => c.code === countryCode)?.currency ?? 'USD'
}

/** Every IANA zone the runtime knows (the database checks the chosen one again). */
export function timeZones(): string[] {
  return Intl.supportedValuesOf('timeZone')
}
