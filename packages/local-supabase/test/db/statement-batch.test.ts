import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBatch } from '../../src/db/statement-batch.ts'
import { stackEnv, withPg } from '../helpers.ts'

// The batch every REST read goes out as: statements after a failing one must never run, and the
// statements kept prepared per connection must survive failures and a DEALLOCATE.
describe('statement batches', () => {
  let client: pg.Client
  const table = `batch_probe_${process.pid}`

  beforeAll(async () => {
    await withPg((c) => c.query(`create table public.${table} (n int)`))
    client = new pg.Client({ connectionString: stackEnv().DB_URL })
    await client.connect()
  })
  afterAll(async () => {
    await client.end()
    await withPg((c) => c.query(`drop table public.${table}`))
  })

  it('answers one result per statement, values bound as pg binds them', async () => {
    const results = await runBatch(client, [
      { text: 'begin' },
      { text: 'select $1::int + 1 as n, $2::text[] as a', values: [41, ['x', 'y']] },
      { name: 'batch_test_commit', text: 'commit' },
    ])
    expect(results.map((r) => r.command)).toEqual(['BEGIN', 'SELECT', 'COMMIT'])
    expect(results[1]?.rows).toEqual([{ n: 42, a: ['x', 'y'] }])
  })

  it('skips everything after a failing statement, in the same round trip', async () => {
    await expect(
      runBatch(client, [
        { text: `insert into public.${table} values (1)` },
        { text: 'select 1 / $1::int', values: [0] },
        { text: `insert into public.${table} values (2)` },
      ]),
    ).rejects.toMatchObject({ code: '22012' })
    const { rows } = await client.query(`select count(*)::int as n from public.${table}`)
    expect(rows[0]).toEqual({ n: 0 })
  })

  it('keeps a named statement usable after a batch that failed and after DEALLOCATE ALL', async () => {
    const named = { name: 'batch_test_probe', text: 'select $1::int * 2 as n' }
    await expect(
      runBatch(client, [{ ...named, values: [1] }, { text: 'select 1 / 0' }]),
    ).rejects.toMatchObject({ code: '22012' })
    expect((await runBatch(client, [{ ...named, values: [2] }]))[0]?.rows).toEqual([{ n: 4 }])
    await client.query('deallocate all')
    await expect(runBatch(client, [{ ...named, values: [3] }])).rejects.toMatchObject({
      code: '26000',
    })
    expect((await runBatch(client, [{ ...named, values: [4] }]))[0]?.rows).toEqual([{ n: 8 }])
  })

  it('keeps at most 100 statements prepared per connection, closing the least recently used', async () => {
    const shape = (i: number) => ({
      name: `batch_test_shape_${i}`,
      text: `select $1::int + ${i} as n`,
    })
    for (let i = 0; i < 130; i++) {
      expect((await runBatch(client, [{ ...shape(i), values: [1] }]))[0]?.rows).toEqual([
        { n: i + 1 },
      ])
    }
    const { rows } = await client.query<{ n: number; newest: boolean }>(
      `select count(*)::int as n, bool_or(name = 'batch_test_shape_129') as newest from pg_prepared_statements`,
    )
    expect(rows[0]).toEqual({ n: 100, newest: true })
    // An evicted shape is simply prepared again.
    expect((await runBatch(client, [{ ...shape(0), values: [5] }]))[0]?.rows).toEqual([{ n: 5 }])
  })

  it('refuses a value pg cannot send without writing anything', async () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    await expect(
      runBatch(client, [{ text: 'select $1::jsonb', values: [circular] }]),
    ).rejects.toThrow()
    expect((await runBatch(client, [{ text: 'select 1 as n' }]))[0]?.rows).toEqual([{ n: 1 }])
  })
})
