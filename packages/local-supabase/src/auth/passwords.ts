import { availableParallelism } from 'node:os'
import bcrypt from 'bcrypt'

// GoTrue's bcrypt cost. The native binding hashes on libuv's thread pool, never on the event loop.
const BCRYPT_COST = 10

/**
 * At most this many hashes at once, so a flood of sign-ins leaves a core for the event loop and
 * thread-pool slots for everything else (WebCrypto's JWT signing runs there too).
 */
const HASHING_SLOTS = Math.max(1, availableParallelism() - 1)

let busy = 0
const waiting: Array<() => void> = []

async function inHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busy >= HASHING_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve))
  else busy += 1
  try {
    return await work()
  } finally {
    // Hand the slot straight to the next waiter, or free it.
    const next = waiting.shift()
    if (next) next()
    else busy -= 1
  }
}

export function hashPassword(password: string): Promise<string> {
  return inHashingSlot(() => bcrypt.hash(password, BCRYPT_COST))
}

/** The hash of a random secret nobody kept: unknown accounts cost one comparison, like known ones. */
const DUMMY_HASH = '$2b$10$IFp/EOh5sTezQcOjqPpNdei6E6AOIhOYmXZAoBMx95QvYHKT..zwi'

/**
 * Checks a password against a bcrypt hash: `$2a$` (pgcrypto's `crypt(pw, gen_salt('bf'))`, as in
 * the seed), `$2b$` (ours) and `$2y$` (PHP's, the same algorithm). No hash (an unknown account,
 * or a user without a password) still spends one comparison, so timing does not tell them apart.
 */
export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  const usable = hash?.startsWith('$2') ? hash.replace(/^\$2y\$/, '$2b$') : null
  try {
    const matches = await inHashingSlot(() => bcrypt.compare(password, usable ?? DUMMY_HASH))
    return usable !== null && matches
  } catch {
    return false
  }
}
