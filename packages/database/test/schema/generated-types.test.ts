import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
// The generator is a CLI module of the local stack, not part of its public exports.
import { renderTypes } from '../../../local-supabase/src/cli/gen-types.ts'
import { stackEnv } from './support/stack.ts'

describe('generated database types', () => {
  it('database.types.ts is what `local-supabase gen-types` produces from the migrations', async () => {
    const checkedIn = await readFile(
      path.resolve(import.meta.dirname, '..', '..', 'src', 'database.types.ts'),
      'utf8',
    )
    const fresh = await renderTypes(stackEnv().DB_URL)
    // On a mismatch: run `node packages/local-supabase/bin/local-supabase.js gen-types` with the stack up.
    expect(checkedIn).toBe(fresh)
    // The generator is a separate Node process; on a busy machine it needs more than the default.
  }, 120_000)
})
