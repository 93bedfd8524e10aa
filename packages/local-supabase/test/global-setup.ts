import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { startTestStack, type TestStackEnv } from '../src/testing/index.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStackEnv
  }
}

/** One private stack (fresh cluster, random ports) for this package's test run. */
export default async function setup(project: TestProject) {
  const stack = await startTestStack({
    // The package's own fixture migrations, not the product schema.
    config: { migrationsDir: path.resolve(import.meta.dirname, 'fixtures', 'migrations') },
  })
  project.provide('stack', stack.info)
  return () => stack.stop()
}
