// Where a customer came from: a few common answers to pick, or the office's own words.

export const customerSources = [
  'Referral',
  'Website',
  'Google',
  'Yelp',
  'Facebook',
  'Nextdoor',
  'Repeat customer',
  'Flyer or mailer',
] as const
export type CustomerSource = (typeof customerSources)[number]

/** The database allows 1–100 characters (or none). */
export const MAX_SOURCE_CHARS = 100

/** Whether `source` is one of the listed answers (the picker shows it selected, not as free text). */
export function isListedSource(source: string | null | undefined): source is CustomerSource {
  return customerSources.includes(source as CustomerSource)
}

/** A typed source tidied for saving: blank is no source. */
export function normalizeSource(text: string | null | undefined): string | null {
  const source = (text ?? '').replace(/\s+/g, ' ').trim()
  return source === '' ? null : source
}
