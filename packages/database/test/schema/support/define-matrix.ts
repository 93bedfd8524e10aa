import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Driver } from './drivers.ts'
import { everyone, matrix } from './matrix.ts'
import { closeAdminPool } from './stack.ts'
import { createWorld, type World } from './world.ts'

/**
 * The RLS matrix: every table and command (and every rpc function), tried by every kind of
 * caller. "Can" means the call took effect in the stored data; "cannot" means it did not
 * (an error or zero rows), checked with an owner-level query after the call.
 */
export function defineMatrix(driver: Driver): void {
  describe(`RLS matrix via ${driver.name}`, () => {
    let world: World
    beforeAll(async () => {
      world = await createWorld()
    })
    afterAll(closeAdminPool)

    for (const entry of matrix) {
      describe(entry.name, () => {
        for (const who of everyone) {
          const allowed = entry.allowed.includes(who)
          it(`${who} ${allowed ? 'can' : 'cannot'}`, async () => {
            const attempt = await entry.prepare(world)
            const result = await driver.run(world.personas[who], attempt.op)
            const tookEffect = await attempt.tookEffect(result)
            expect({ tookEffect, error: allowed ? result.error : undefined }).toEqual({
              tookEffect: allowed,
              error: allowed ? null : undefined,
            })
          })
        }
      })
    }
  })
}
