import { startTestStack, type TestStackEnv } from '@repo/local-supabase/testing'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStackEnv
  }
}

/** One private stack with the migrations and the demo seed: the CRM's data layer as staff see it. */
export default async function setup(project: TestProject) {
  const stack = await startTestStack({ seed: 'always' })
  project.provide('stack', stack.info)
  return () => stack.stop()
}
