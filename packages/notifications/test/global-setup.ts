import type { TestStackEnv } from '@repo/local-supabase/testing'
import { stackGlobalSetup } from '@repo/local-supabase/testing/vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStackEnv
  }
}

/** One private stack (fresh cluster, random ports, its own mail catcher) with the project's migrations. */
export default stackGlobalSetup()
