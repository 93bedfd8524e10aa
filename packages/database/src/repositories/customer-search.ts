/**
 * The PostgREST `or()` filter for what staff type into a customer search: every word must appear
 * in the customer's name, e-mail or city (`search_text`, so "Alice Johnson" finds Alice Johnson),
 * or, for phone-like input, the digits must appear in the phone number however it was formatted
 * (`phone_digits`). Null when nothing searchable is left.
 */
export function customerSearchFilter(search: string | undefined): string | null {
  const text = search?.trim().toLowerCase() ?? ''
  // Commas, parentheses, quotes, colons and wildcards belong to the or() grammar: never user text.
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/[,()%*\\:"]/g, ''))
    .filter((w) => w !== '')
  const clauses: string[] = []
  const byWord = words.map((w) => `search_text.ilike.%${w}%`)
  if (byWord.length === 1) clauses.push(byWord[0] as string)
  else if (byWord.length > 1) clauses.push(`and(${byWord.join(',')})`)
  const digits = text.replace(/\D/g, '')
  if (digits.length >= 3 && /^[\d\s().+-]+$/.test(text)) clauses.push(`phone_digits.ilike.%${digits}%`)
  return clauses.length > 0 ? clauses.join(',') : null
}
