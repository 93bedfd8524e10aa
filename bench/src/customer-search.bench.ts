// Customer search on 100,000 customers of one organization: the staff directory's query
// (searchCustomerDirectory: REST, public.search_customers, exact count) with the trigram indexes
// and without them, and the plan PostgreSQL picks for a full-name search.
import { searchCustomerDirectory } from '@repo/database/repositories'
import { startTestStack } from '@repo/local-supabase/testing'
import { createClient } from '@supabase/supabase-js'
import pg from 'pg'

const CUSTOMERS = 100_000
const RUNS = 15
const ORG = '10000000-0000-4000-8000-000000000001'
const SEARCHES = ['Alice Johnson', '5125550142', 'johnson', 'no such person']

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

export async function run(): Promise<void> {
  const stack = await startTestStack({ seed: 'always' })
  const db = new pg.Client({ connectionString: stack.info.DB_URL })
  await db.connect()
  try {
    await db.query(
      `insert into public.customers (organization_id, first_name, last_name, email, phone, city)
       select $1,
              (array['Maria','James','Linda','Robert','Susan','David','Karen','Wei','Priya','Omar'])[1 + g % 10],
              (array['Garcia','Smith','Nguyen','Brown','Patel','Miller','Davis','Lopez','Kim','Wilson'])[1 + (g / 10) % 10] || ' ' || g,
              'customer' || g || '@example.com',
              '(' || (200 + g % 700) || ') 555-' || lpad((g % 10000)::text, 4, '0'),
              (array['Austin','Round Rock','Cedar Park','Pflugerville','Georgetown'])[1 + g % 5]
       from generate_series(1, $2) g`,
      [ORG, CUSTOMERS],
    )
    await db.query('analyze public.customers')
    const staff = createClient(stack.info.API_URL, stack.info.ANON_KEY, { auth: { persistSession: false } })
    const signIn = await staff.auth.signInWithPassword({ email: 'owner@dirtfree.test', password: 'password123' })
    if (signIn.error) throw signIn.error

    const measure = async () => {
      const rows: Record<string, { ms: number; total: number }> = {}
      for (const search of SEARCHES) {
        const times: number[] = []
        let total = 0
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now()
          const page = await searchCustomerDirectory(staff, { organizationId: ORG, search, pageSize: 25 })
          times.push(performance.now() - started)
          total = page.total
        }
        rows[search] = { ms: median(times), total }
      }
      return rows
    }
    const withIndexes = await measure()
    // The statement search_customers() runs for "Alice Johnson" (auto_explain is not loaded locally).
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `explain select c.* from public.customers c where c.organization_id = $1
         and ((c.search_text like '%alice%' and c.search_text like '%johnson%'))`,
      [ORG],
    )
    await db.query('drop index public.customers_search_text_trgm_idx, public.customers_phone_digits_trgm_idx')
    const without = await measure()

    console.log(`${CUSTOMERS.toLocaleString('en-US')} customers in one organization; median of ${RUNS} searches through searchCustomerDirectory (REST as the owner, search_customers(), exact count, first page of 25).\n`)
    console.log('| search | matches | with trigram indexes ms | without ms |')
    console.log('| --- | ---: | ---: | ---: |')
    for (const search of SEARCHES) {
      const a = withIndexes[search] as { ms: number; total: number }
      const b = without[search] as { ms: number; total: number }
      console.log(`| \`${search}\` | ${a.total} | ${a.ms.toFixed(1)} | ${b.ms.toFixed(1)} |`)
    }
    console.log('\nPlan for a full-name search (with the indexes):\n')
    console.log('```')
    for (const row of plan.rows) console.log(row['QUERY PLAN'])
    console.log('```')
  } finally {
    await db.end()
    await stack.stop()
  }
}
