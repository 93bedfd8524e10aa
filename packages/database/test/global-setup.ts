import type { TestStackEnv } from '@repo/local-supabase/testing'
import { stackGlobalSetup } from '@repo/local-supabase/testing/vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStackEnv
  }
}

/** One private stack with the product's migrations (not the seed: tests make their own rows). */
export default stackGlobalSetup()
