import { SignJWT } from 'jose'
import { currentSigningKey, type SigningKey } from './signing-keys.ts'

/** The Supabase CLI's well-known local JWT secret: never use it for a hosted project. */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long'

/** The anon and service-role keys `supabase start` prints for DEFAULT_JWT_SECRET. */
export const DEFAULT_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0'
export const DEFAULT_SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU'

/** The publishable and secret keys `supabase start` prints (the same on every machine). */
export const DEFAULT_PUBLISHABLE_KEY = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH'
export const DEFAULT_SECRET_KEY = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz'

/** The CLI's expiry for HS256 API keys, and the lifetime of asymmetric ones (10 years). */
const DEFAULT_KEY_EXPIRY = 1983812996
const ASYMMETRIC_KEY_LIFETIME_SECONDS = 10 * 365 * 24 * 60 * 60

export interface ApiKeys {
  /** JWT with `role: anon`. */
  anonKey: string
  /** JWT with `role: service_role`. */
  serviceRoleKey: string
  /** `sb_publishable_…`: accepted wherever the anon key is, as the anon role. */
  publishableKey: string
  /** `sb_secret_…`: accepted wherever the service-role key is, except from a browser. */
  secretKey: string
}

export interface ApiKeySources {
  jwtSecret: string
  signingKeys?: readonly SigningKey[]
  publishableKey: string
  secretKey: string
}

async function signRoleKey(sources: ApiKeySources, role: string): Promise<string> {
  const signer = currentSigningKey(sources.signingKeys ?? [])
  if (signer?.signKey) {
    return new SignJWT({ iss: 'supabase-demo', role })
      .setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: 'JWT' })
      .setExpirationTime(Math.floor(Date.now() / 1000) + ASYMMETRIC_KEY_LIFETIME_SECONDS)
      .sign(signer.signKey)
  }
  return new SignJWT({ iss: 'supabase-demo', role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setExpirationTime(DEFAULT_KEY_EXPIRY)
    .sign(new TextEncoder().encode(sources.jwtSecret))
}

/**
 * The API keys, as the Supabase CLI makes them: the anon and service-role JWTs are signed with the
 * current signing key when there is one (valid 10 years, with its `kid`), else with the secret
 * (the CLI's well-known keys for the default secret); the `sb_` keys are fixed strings.
 */
export async function apiKeysFor(sources: ApiKeySources): Promise<ApiKeys> {
  const hs256Defaults =
    sources.jwtSecret === DEFAULT_JWT_SECRET && (sources.signingKeys ?? []).length === 0
  return {
    anonKey: hs256Defaults ? DEFAULT_ANON_KEY : await signRoleKey(sources, 'anon'),
    serviceRoleKey: hs256Defaults
      ? DEFAULT_SERVICE_ROLE_KEY
      : await signRoleKey(sources, 'service_role'),
    publishableKey: sources.publishableKey,
    secretKey: sources.secretKey,
  }
}
