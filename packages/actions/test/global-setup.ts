import type { TestStackEnv } from '@repo/local-supabase/testing'
import { stackGlobalSetup } from '@repo/local-supabase/testing/vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStackEnv
  }
}

/** One private stack with the migrations and the demo seed, to get real PostgREST errors. */
export default stackGlobalSetup({ seed: 'always' })
