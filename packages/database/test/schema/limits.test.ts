import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_MESSAGE_CHARS } from '../../src/limits.ts'
import { adminPool, closeAdminPool } from './support/stack.ts'
import { createWorld, type World } from './support/world.ts'

describe('limits the forms show are the ones the database enforces', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  it(`messages.body: 1 to ${MAX_MESSAGE_CHARS} characters after trimming`, async () => {
    const client = await adminPool().connect()
    const insert = (body: string) =>
      client.query(
        `insert into public.messages (organization_id, customer_id, sender_type, body) values ($1, $2, 'staff', $3)`,
        [world.org1, world.customerA, body],
      )
    try {
      await client.query('begin')
      await insert(`  ${'x'.repeat(MAX_MESSAGE_CHARS)}  `)
      await client.query('savepoint longest')
      await expect(insert('x'.repeat(MAX_MESSAGE_CHARS + 1))).rejects.toMatchObject({ code: '23514' })
      await client.query('rollback to savepoint longest')
      await expect(insert('   ')).rejects.toMatchObject({ code: '23514' })
    } finally {
      await client.query('rollback')
      client.release()
    }
  })
})
