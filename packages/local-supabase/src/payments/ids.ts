import { randomBytes } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A Stripe-looking id: `cs_local_…`, `pi_local_…`, `evt_local_…`, `re_local_…` (24 random characters). */
export function localId(prefix: 'cs' | 'pi' | 'evt' | 're'): string {
  const bytes = randomBytes(24)
  let tail = ''
  for (const byte of bytes) tail += ALPHABET[byte % ALPHABET.length]
  return `${prefix}_local_${tail}`
}
