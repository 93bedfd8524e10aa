// Customer CSV import of 10,000 rows, as the CRM does it: the rows staged in chunks of 1,000
// through REST as office staff (RLS in force), the dry run (check_customer_import), then the
// commit (commit_customer_import: one transaction, one insert, with the audit and change-feed
// triggers of every customer). 1% of the rows collide with an existing customer's e-mail.
import {
  checkCustomerImport,
  commitCustomerImport,
  type StagedRowInput,
  stageCustomerImportRows,
  startCustomerImport,
} from '@repo/database/repositories'
import { startTestStack } from '@repo/local-supabase/testing'
import { createClient } from '@supabase/supabase-js'
import pg from 'pg'

const ROWS = 10_000
const CHUNK = 1_000
const ROUNDS = 3
const ORG = '10000000-0000-4000-8000-000000000001'

const median = (values: number[]) =>
  values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

function rows(round: number): StagedRowInput[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    csv_row: i + 2,
    first_name: ['Maria', 'James', 'Linda', 'Robert', 'Wei', 'Priya'][i % 6] ?? 'Pat',
    last_name: `Import${round}x${i}`,
    // Every 100th row is a demo customer's e-mail: reported, not imported.
    email: i % 100 === 0 ? 'alice@example.com' : `r${round}-c${i}@example.com`,
    phone: `(${200 + (i % 700)}) 7${String(round)}${String(i).padStart(5, '0')}`,
    address_line1: `${i} Main St`,
    address_line2: null,
    city: 'Austin',
    region: 'TX',
    postal_code: '78701',
  }))
}

export async function run(): Promise<void> {
  const stack = await startTestStack({ seed: 'always' })
  const db = new pg.Client({ connectionString: stack.info.DB_URL })
  await db.connect()
  try {
    const office = createClient(stack.info.API_URL, stack.info.ANON_KEY, {
      auth: { persistSession: false },
    })
    const signIn = await office.auth.signInWithPassword({
      email: 'office@dirtfree.test',
      password: 'password123',
    })
    if (signIn.error) throw signIn.error
    const times: Record<'upload' | 'check' | 'commit' | 'total', number[]> = {
      upload: [],
      check: [],
      commit: [],
      total: [],
    }
    let imported = 0
    for (let round = 1; round <= ROUNDS; round++) {
      const data = rows(round)
      const started = performance.now()
      const imp = await startCustomerImport(office, {
        organizationId: ORG,
        fileName: 'bench.csv',
        totalRows: ROWS,
      })
      for (let i = 0; i < data.length; i += CHUNK)
        await stageCustomerImportRows(office, imp.id, data.slice(i, i + CHUNK))
      const uploaded = performance.now()
      const check = await checkCustomerImport(office, imp.id)
      const checked = performance.now()
      const result = await commitCustomerImport(office, imp.id)
      const done = performance.now()
      if (check.ready !== ROWS - ROWS / 100 || result.imported !== check.ready) {
        throw new Error(`unexpected counts: ${JSON.stringify({ ready: check.ready, result })}`)
      }
      imported = result.imported
      times.upload.push(uploaded - started)
      times.check.push(checked - uploaded)
      times.commit.push(done - checked)
      times.total.push(done - started)
    }
    const customers = await db.query<{ n: string }>(
      'select count(*) as n from public.customers where organization_id = $1',
      [ORG],
    )

    console.log(
      `${ROWS.toLocaleString('en-US')} rows per import (${imported.toLocaleString('en-US')} imported, ${ROWS / 100} duplicates of a demo customer reported), office staff over REST; median of ${ROUNDS} imports into one organization (${Number(customers.rows[0]?.n).toLocaleString('en-US')} customers at the end).\n`,
    )
    console.log('| phase | median ms | min ms | max ms |')
    console.log('| --- | ---: | ---: | ---: |')
    const label = {
      upload: `start + upload (${ROWS / CHUNK} chunks of ${CHUNK.toLocaleString('en-US')}, one after another)`,
      check: 'dry run (`check_customer_import`)',
      commit: 'commit (`commit_customer_import`, one transaction)',
      total: 'total',
    }
    for (const key of ['upload', 'check', 'commit', 'total'] as const) {
      const v = times[key]
      console.log(
        `| ${label[key]} | ${median(v).toFixed(0)} | ${Math.min(...v).toFixed(0)} | ${Math.max(...v).toFixed(0)} |`,
      )
    }
  } finally {
    await db.end()
    await stack.stop()
  }
}
