import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ATTACHMENT_BUCKETS,
  AVATAR_LIMITS,
  CUSTOMER_EMAIL_PATTERN,
  CUSTOMER_FIELD_MAX_CHARS,
  MAX_IMPORT_ROWS,
  MAX_MESSAGE_CHARS,
  STAGED_CELL_MAX_CHARS,
} from '../../src/limits.ts'
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
      await expect(insert('x'.repeat(MAX_MESSAGE_CHARS + 1))).rejects.toMatchObject({
        code: '23514',
      })
      await client.query('rollback to savepoint longest')
      await expect(insert('   ')).rejects.toMatchObject({ code: '23514' })
    } finally {
      await client.query('rollback')
      client.release()
    }
  })

  it('customers: each field’s longest value, and the e-mail pattern', async () => {
    const client = await adminPool().connect()
    const insert = (column: string, value: string) =>
      client.query(
        // first_name is required: the other fields go beside a short one.
        column === 'first_name'
          ? `insert into public.customers (organization_id, first_name) values ($1, $2)`
          : `insert into public.customers (organization_id, first_name, ${column}) values ($1, 'Limit', $2)`,
        [world.org1, value],
      )
    try {
      await client.query('begin')
      for (const [column, max] of Object.entries(CUSTOMER_FIELD_MAX_CHARS)) {
        await client.query('savepoint field')
        await insert(column, 'x'.repeat(max))
        await expect(insert(column, 'x'.repeat(max + 1)), column).rejects.toMatchObject({
          code: '23514',
        })
        await client.query('rollback to savepoint field')
      }
      const { rows } = await client.query<{ def: string }>(
        `select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'customers_email_check'`,
      )
      expect(rows[0]?.def).toContain(`'${CUSTOMER_EMAIL_PATTERN}'`)
    } finally {
      await client.query('rollback')
      client.release()
    }
  })

  it('customer imports: rows per import and staged cell length', async () => {
    const { rows } = await adminPool().query<{ def: string }>(
      `select pg_get_constraintdef(oid) as def from pg_constraint
       where conrelid in ('public.customer_imports'::regclass, 'public.customer_import_rows'::regclass) and contype = 'c'`,
    )
    const defs = rows.map((r) => r.def)
    expect(defs).toContain(`CHECK (((total_rows >= 1) AND (total_rows <= ${MAX_IMPORT_ROWS})))`)
    expect(defs).toContain(`CHECK ((length(first_name) <= ${STAGED_CELL_MAX_CHARS}))`)
  })

  it('file buckets: the size limits and types the forms check are the buckets’ own', async () => {
    const { rows } = await adminPool().query<{
      id: string
      file_size_limit: string
      allowed_mime_types: string[]
    }>(`select id, file_size_limit, allowed_mime_types from storage.buckets where id = any ($1)`, [
      Object.keys(ATTACHMENT_BUCKETS),
    ])
    expect(
      Object.fromEntries(
        rows.map((b) => [
          b.id,
          { maxBytes: Number(b.file_size_limit), mimeTypes: b.allowed_mime_types },
        ]),
      ),
    ).toEqual(ATTACHMENT_BUCKETS)
  })

  it('staff photos: the limits the profile form checks are the avatars bucket’s own', async () => {
    const { rows } = await adminPool().query<{
      file_size_limit: string
      allowed_mime_types: string[]
      public: boolean
    }>(
      `select file_size_limit, allowed_mime_types, public from storage.buckets where id = 'avatars'`,
    )
    expect(
      rows.map((b) => ({ maxBytes: Number(b.file_size_limit), mimeTypes: b.allowed_mime_types })),
    ).toEqual([AVATAR_LIMITS])
  })
})
