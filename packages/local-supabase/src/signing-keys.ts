import { readFileSync } from 'node:fs'
import { type CryptoKey, importJWK, type JWK } from 'jose'

/** The algorithms `supabase gen signing-key` writes and the Supabase CLI accepts. */
export const SIGNING_ALGORITHMS = ['ES256', 'RS256'] as const
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number]

/**
 * One entry of a signing keys file, as `supabase gen signing-key` writes it: a JWK with its private
 * part (`d`, and for RSA the primes), a `kid`, `alg`, usually `use: "sig"` and
 * `key_ops: ["sign", "verify"]`. An entry without `d` (or whose `key_ops` lack `sign`) only verifies.
 */
export interface SigningKeyJwk extends JWK {
  kty: 'EC' | 'RSA'
  kid: string
  alg: SigningAlgorithm
}

/** What `/auth/v1/.well-known/jwks.json` publishes for a key: its public part only. */
export interface PublicSigningJwk {
  kty: 'EC' | 'RSA'
  kid: string
  alg: SigningAlgorithm
  use: 'sig'
  key_ops: ['verify']
  ext?: boolean
  crv?: string
  x?: string
  y?: string
  n?: string
  e?: string
}

/** A configured key ready for use: the public key verifies; the private key, when present, signs. */
export interface SigningKey {
  kid: string
  alg: SigningAlgorithm
  publicJwk: PublicSigningJwk
  verifyKey: CryptoKey | Uint8Array
  signKey: CryptoKey | Uint8Array | null
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isText = (value: unknown): value is string => typeof value === 'string' && value !== ''

/** Checks one entry's shape; the message names the entry so a broken file is easy to fix. */
function checkEntry(entry: unknown, where: string): SigningKeyJwk {
  if (!isRecord(entry)) throw new Error(`${where} must be a JSON object (a JWK)`)
  if (!isText(entry.kid)) throw new Error(`${where} has no "kid"`)
  const alg = entry.alg
  if (!SIGNING_ALGORITHMS.includes(alg as SigningAlgorithm)) {
    throw new Error(
      `${where}: "alg" must be one of ${SIGNING_ALGORITHMS.join(', ')}, got ${JSON.stringify(alg)}`,
    )
  }
  if (
    alg === 'ES256' &&
    (entry.kty !== 'EC' || entry.crv !== 'P-256' || !isText(entry.x) || !isText(entry.y))
  ) {
    throw new Error(`${where}: an ES256 key must be "kty": "EC" on curve P-256 with "x" and "y"`)
  }
  if (alg === 'RS256' && (entry.kty !== 'RSA' || !isText(entry.n) || !isText(entry.e))) {
    throw new Error(`${where}: an RS256 key must be "kty": "RSA" with "n" and "e"`)
  }
  if (
    entry.key_ops !== undefined &&
    !(Array.isArray(entry.key_ops) && entry.key_ops.every(isText))
  ) {
    throw new Error(`${where}: "key_ops" must be a list of operations`)
  }
  return entry as unknown as SigningKeyJwk
}

/** Parses the text of a signing keys file: a JSON array of JWKs (the Supabase CLI's format). */
export function parseSigningKeys(text: string, file: string): SigningKeyJwk[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`)
  }
  if (!Array.isArray(parsed)) {
    throw new Error(
      `${file} must hold a JSON array of signing keys (as \`supabase gen signing-key\` writes)`,
    )
  }
  const keys = parsed.map((entry, index) => checkEntry(entry, `${file}: key ${index + 1}`))
  const kids = new Set<string>()
  for (const key of keys) {
    if (kids.has(key.kid)) throw new Error(`${file}: two keys share the kid "${key.kid}"`)
    kids.add(key.kid)
  }
  return keys
}

/** Reads and checks the signing keys file; a missing or broken file stops the stack with the reason. */
export function readSigningKeysFile(file: string): SigningKeyJwk[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new Error(
      `cannot read the signing keys file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    )
  }
  return parseSigningKeys(text, file)
}

/** The public half with `use: "sig"` and `key_ops: ["verify"]`, as GoTrue publishes every key. */
export function publicPartOf(jwk: SigningKeyJwk): PublicSigningJwk {
  const shape = jwk.kty === 'EC' ? { crv: jwk.crv, x: jwk.x, y: jwk.y } : { n: jwk.n, e: jwk.e }
  return {
    kty: jwk.kty,
    kid: jwk.kid,
    alg: jwk.alg,
    use: 'sig',
    key_ops: ['verify'],
    ...(typeof jwk.ext === 'boolean' ? { ext: jwk.ext } : {}),
    ...shape,
  }
}

function canSign(jwk: SigningKeyJwk): boolean {
  const hasPrivatePart = isText(jwk.d)
  return hasPrivatePart && (jwk.key_ops === undefined || jwk.key_ops.includes('sign'))
}

function withoutPrivateMembers(jwk: SigningKeyJwk): JWK {
  const copy: JWK = { ...jwk }
  for (const member of PRIVATE_MEMBERS) delete copy[member]
  delete copy.key_ops
  return copy
}

/** Imports every key (public part to verify; private part, if it may sign, to sign). */
export async function importSigningKeys(jwks: readonly SigningKeyJwk[]): Promise<SigningKey[]> {
  return Promise.all(
    jwks.map(async (jwk) => {
      const { key_ops: _ops, ...importable } = jwk
      return {
        kid: jwk.kid,
        alg: jwk.alg,
        publicJwk: publicPartOf(jwk),
        verifyKey: await importJWK(withoutPrivateMembers(jwk), jwk.alg),
        signKey: canSign(jwk) ? await importJWK(importable, jwk.alg) : null,
      }
    }),
  )
}

/**
 * The key that signs new tokens: the first that can (has its private part and `sign` among its
 * `key_ops`, or no `key_ops`). The others still verify, so tokens signed before a rotation stay
 * valid until they expire.
 */
export function currentSigningKey(keys: readonly SigningKey[]): SigningKey | null {
  return keys.find((key) => key.signKey !== null) ?? null
}
