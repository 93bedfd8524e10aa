import path from 'node:path'
import type { TestStackEnv } from '../src/testing/index.ts'
import { stackGlobalSetup } from '../src/testing/vitest-global-setup.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStackEnv
  }
}

/** One private stack (fresh cluster, random ports) with the package's own fixture migrations. */
export default stackGlobalSetup({
  // GoTrue's default mails: these tests check Auth itself, not the project's templates.
  config: { migrationsDir: path.resolve(import.meta.dirname, 'fixtures', 'migrations'), emailTemplates: {} },
})
