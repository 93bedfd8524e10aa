import type { TestProject } from 'vitest/node'
import { startTestStack, type TestStackEnv, type TestStackOptions } from './index.ts'

/**
 * A vitest `globalSetup` that starts one private stack for the whole run and stops it after;
 * tests read its URLs and keys with `inject('stack')`. Usage in a package's setup file:
 * `export default stackGlobalSetup({ seed: 'always' })`, next to a `ProvidedContext`
 * augmentation declaring `stack: TestStackEnv` (augmentations belong to the package that injects).
 */
export function stackGlobalSetup(options: TestStackOptions = {}) {
  return async function setup(project: TestProject) {
    const stack = await startTestStack(options)
    // `provide` is typed by the caller's ProvidedContext augmentation, which this module cannot see.
    const provide = project.provide as (key: 'stack', value: TestStackEnv) => void
    provide('stack', stack.info)
    return () => stack.stop()
  }
}
