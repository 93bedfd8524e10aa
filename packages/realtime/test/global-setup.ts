import { startTestStack, type TestStackEnv } from '@repo/local-supabase/testing'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStackEnv
  }
}

/** One private stack with the product's migrations; tests make their own rows. */
export default async function setup(project: TestProject) {
  const stack = await startTestStack()
  project.provide('stack', stack.info)
  return () => stack.stop()
}
