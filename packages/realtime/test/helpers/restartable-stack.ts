import { rm } from 'node:fs/promises'
import { freePort, startTestStack, type TestStack, tempDir } from '@repo/local-supabase/testing'
import { afterAll, beforeAll } from 'vitest'
import { createWorld, type World } from './fixtures.ts'
import { closeClients, useStack } from './stack.ts'

/**
 * A file's own stack on fixed ports with a kept data directory, so a test can stop and start the
 * whole stack and clients reconnect to the same address. Registers its own beforeAll/afterAll.
 */
export function restartableStack(name: string): { readonly world: World; restart(): Promise<void> } {
  let stack: TestStack | null = null
  let dataDir = ''
  let ports: { apiPort: number; dbPort: number }
  let world: World | null = null
  const start = () => startTestStack({ config: { dataDir, ...ports } })

  beforeAll(async () => {
    dataDir = await tempDir(`realtime-${name}-`)
    ports = { apiPort: await freePort(), dbPort: await freePort() }
    stack = await start()
    useStack(stack.info)
    world = await createWorld()
  }, 60_000)

  afterAll(async () => {
    await closeClients()
    await stack?.stop()
    useStack(null)
    await rm(dataDir, { recursive: true, force: true })
  }, 60_000)

  return {
    get world() {
      if (!world) throw new Error('restartableStack: the world exists once beforeAll has run')
      return world
    },
    async restart() {
      await stack?.stop()
      stack = await start()
      useStack(stack.info)
    },
  }
}
