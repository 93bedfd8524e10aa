import { readPublicEnv } from './env.ts'
import { PUBLIC_ENV_ELEMENT_ID } from './public-env-reader.ts'

export { PUBLIC_ENV_ELEMENT_ID, readInjectedEnv } from './public-env-reader.ts'

/** JSON that is safe inside a <script> element: no `</script>` or HTML comment can break out. */
export function serializePublicEnv(value: { url: string; anonKey: string }): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
}

/**
 * Server component for each app's root layout: hands the Supabase URL and anon key, read from
 * process.env at request time, to the browser client. Only public values are emitted.
 */
export function PublicSupabaseEnv() {
  const env = readPublicEnv()
  return (
    <script
      id={PUBLIC_ENV_ELEMENT_ID}
      type="application/json"
      // Escaped JSON in a non-executable script element (see serializePublicEnv).
      dangerouslySetInnerHTML={{ __html: serializePublicEnv(env) }}
    />
  )
}
