import { SignJWT } from 'jose'

/** The Supabase CLI's well-known local JWT secret: never use it for a hosted project. */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long'

/** The anon and service-role keys `supabase start` prints for DEFAULT_JWT_SECRET. */
export const DEFAULT_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0'
export const DEFAULT_SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU'

export interface ApiKeys {
  anonKey: string
  serviceRoleKey: string
}

async function signRoleKey(secret: string, role: string): Promise<string> {
  return new SignJWT({ iss: 'supabase-demo', role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setExpirationTime(1983812996)
    .sign(new TextEncoder().encode(secret))
}

/** The API keys for a JWT secret: the CLI's well-known ones for the default secret. */
export async function apiKeysFor(secret: string): Promise<ApiKeys> {
  if (secret === DEFAULT_JWT_SECRET) {
    return { anonKey: DEFAULT_ANON_KEY, serviceRoleKey: DEFAULT_SERVICE_ROLE_KEY }
  }
  return {
    anonKey: await signRoleKey(secret, 'anon'),
    serviceRoleKey: await signRoleKey(secret, 'service_role'),
  }
}
