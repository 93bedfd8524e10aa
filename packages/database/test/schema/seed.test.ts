import { readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { stackEnv } from './support/stack.ts'

const seedFile = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'supabase', 'seed.sql')

describe('supabase/seed.sql', () => {
  it('loads on the migrated schema and gives every screen something to show', async () => {
    const client = new pg.Client({ connectionString: stackEnv().DB_URL })
    await client.connect()
    try {
      // Loaded inside a transaction that is rolled back, so the other test files never see it.
      await client.query('begin')
      await client.query(await readFile(seedFile, 'utf8'))
      const count = async (query: string) => Number((await client.query(query)).rows[0].n)
      const org = `(select id from public.organizations where slug = 'dirt-free')`
      expect(
        await count(
          `select count(*) as n from public.organizations where name = 'Dirt Free Carpet Cleaning'`,
        ),
      ).toBe(1)
      const staff = await client.query(
        `select u.email, s.role from public.staff_members s join auth.users u on u.id = s.user_id
         where s.organization_id = ${org} order by u.email`,
      )
      expect(staff.rows).toEqual([
        { email: 'office@dirtfree.test', role: 'office' },
        { email: 'owner@dirtfree.test', role: 'owner' },
        { email: 'tech@dirtfree.test', role: 'technician' },
      ])
      const portal = await client.query(
        `select u.email from public.customers c join auth.users u on u.id = c.portal_user_id
         where c.organization_id = ${org} order by 1`,
      )
      expect(portal.rows.map((r) => r.email)).toEqual(['alice@example.com', 'bob@example.com'])
      expect(
        await count(
          `select count(*) as n from public.customers where organization_id = ${org} and portal_user_id is null`,
        ),
      ).toBeGreaterThanOrEqual(2)
      // Demo logins work with password123 (bcrypt, as GoTrue checks it).
      expect(
        await count(`select count(*) as n from auth.users
                     where encrypted_password = extensions.crypt('password123', encrypted_password)
                       and email_confirmed_at is not null`),
      ).toBe(5)
      expect(
        await count(`select count(*) as n from auth.identities where provider = 'email'`),
      ).toBeGreaterThanOrEqual(5)
      // Upcoming and past appointments, whatever day the seed runs.
      expect(
        await count(
          `select count(*) as n from public.jobs where organization_id = ${org} and scheduled_start > now()`,
        ),
      ).toBeGreaterThanOrEqual(4)
      expect(
        await count(
          `select count(*) as n from public.jobs where organization_id = ${org} and status = 'completed'`,
        ),
      ).toBe(3)
      expect(
        (
          await client.query(
            `select distinct status::text from public.invoices where organization_id = ${org} order by 1`,
          )
        ).rows.map((r) => r.status),
      ).toEqual(['draft', 'overdue', 'paid', 'sent', 'void'])
      expect(
        await count(`select count(*) as n from public.invoices
                     where organization_id = ${org} and (total_cents <> subtotal_cents + tax_cents - discount_cents or subtotal_cents = 0)`),
      ).toBe(0)
      // Paid invoices are paid by payments; Alice's open invoice carries her reward credit.
      expect(
        await count(`select count(*) as n from public.invoices
                     where organization_id = ${org} and status = 'paid' and balance_cents <> 0`),
      ).toBe(0)
      expect(
        await count(`select count(*) as n from public.customer_credits where organization_id = ${org} and invoice_id is not null`),
      ).toBe(1)
      expect(
        await count(`select count(*) as n from public.quotes where organization_id = ${org} and status = 'sent'`),
      ).toBe(1)
      expect(
        await count(
          `select count(*) as n from public.messages where organization_id = ${org} and read_at is null`,
        ),
      ).toBeGreaterThanOrEqual(2)
      const balances = await client.query(
        `select c.first_name, sum(t.points)::int as balance from public.customers c
         join public.loyalty_transactions t on t.customer_id = c.id where c.organization_id = ${org} group by 1 order by 1`,
      )
      expect(balances.rows.every((r) => r.balance > 0)).toBe(true)
      expect(balances.rows.map((r) => r.first_name)).toEqual(['Alice', 'Bob'])
    } finally {
      await client.query('rollback')
      await client.end()
    }
  })
})
