import { beforeAll, describe, expect, it } from 'vitest'
import { rowProblems } from '../../../domain/src/customer-import/problems.ts'
import {
  type CustomerImportCheck,
  checkCustomerImport,
  commitCustomerImport,
  createCustomer,
  getCustomerImport,
  listCustomerImportRows,
  NotFoundError,
  PermissionError,
  RepositoryError,
  type StagedRowInput,
  stageCustomerImportRows,
  startCustomerImport,
} from '../../src/repositories/index.ts'
import {
  clientAs,
  createAuthUser,
  createWorld,
  type Person,
  sql,
  unique,
  type World,
} from '../helpers/stack.ts'

const blank = {
  last_name: null,
  email: null,
  phone: null,
  address_line1: null,
  address_line2: null,
  city: null,
  region: null,
  postal_code: null,
}
const row = (csv_row: number, values: Partial<StagedRowInput>): StagedRowInput => ({
  csv_row,
  first_name: `Person${csv_row}`,
  ...blank,
  ...values,
})

async function officeOf(world: World): Promise<Person> {
  const user = await createAuthUser('office')
  const [staff] = await sql<{ id: string }>(
    `insert into public.staff_members (organization_id, user_id, full_name, email, role) values ($1, $2, 'Oscar Office', $3, 'office') returning id`,
    [world.organizationId, user.id, user.email],
  )
  return {
    id: staff?.id ?? '',
    userId: user.id,
    email: user.email,
    client: await clientAs(user.id, user.email),
  }
}

const countCustomers = async (organizationId: string) =>
  (
    await sql<{ n: number }>(
      `select count(*)::int as n from public.customers where organization_id = $1`,
      [organizationId],
    )
  )[0]?.n

let world: World
let office: Person
beforeAll(async () => {
  world = await createWorld()
  office = await officeOf(world)
  // An existing customer to collide with: e-mail in another case, phone typed differently.
  await createCustomer(office.client, {
    organization_id: world.organizationId,
    first_name: 'Existing',
    last_name: 'Person',
    email: 'Taken@Example.com',
    phone: '(512) 555-0100',
  })
})

describe('customer import: dry run and commit', () => {
  const tag = unique('imp')
  const rows: StagedRowInput[] = [
    row(2, {
      first_name: 'Ann',
      last_name: 'Lee',
      email: `ann-${tag}@example.com`,
      phone: '512 555 7001',
      city: 'Austin',
    }),
    row(3, { first_name: null, last_name: 'Nameless' }),
    row(4, { email: 'not-an-email' }),
    row(5, { first_name: 'x'.repeat(101), postal_code: '1'.repeat(21) }),
    row(6, { email: `ANN-${tag}@example.com` }),
    row(7, { email: 'taken@example.com' }),
    row(8, { phone: '512.555.0100' }),
    row(10, { first_name: 'Bo', email: `bo-${tag}@example.com`, phone: '512-555-7002' }),
    row(11, { phone: '5125557002' }),
  ]
  let importId: string
  let dryRun: CustomerImportCheck

  it('stages rows in chunks (a retried chunk is not staged twice) and reports every problem with its row', async () => {
    const started = await startCustomerImport(office.client, {
      organizationId: world.organizationId,
      fileName: 'clients.csv',
      totalRows: rows.length,
    })
    importId = started.id
    expect(started).toMatchObject({ status: 'staging', created_by: office.userId, total_rows: 9 })
    await stageCustomerImportRows(office.client, importId, rows.slice(0, 5))
    await stageCustomerImportRows(office.client, importId, rows.slice(0, 5))
    await stageCustomerImportRows(office.client, importId, rows.slice(5))

    const before = await countCustomers(world.organizationId)
    dryRun = await checkCustomerImport(office.client, importId)
    expect(dryRun).toEqual({
      total: 9,
      staged: 9,
      ready: 2,
      problems: [
        { row: 3, problems: ['name_missing'] },
        { row: 4, problems: ['email_invalid'] },
        { row: 5, problems: ['too_long:first_name', 'too_long:postal_code'] },
        { row: 6, problems: ['duplicate_in_file:2'] },
        { row: 7, problems: ['duplicate_email'] },
        { row: 8, problems: ['duplicate_phone'] },
        { row: 11, problems: ['duplicate_in_file:10'] },
      ],
    })
    // The dry run changes nothing.
    expect(await countCustomers(world.organizationId)).toBe(before)
  })

  it('the browser’s field checks agree with the database’s', () => {
    for (const r of rows) {
      const fromDb = dryRun.problems.find((p) => p.row === r.csv_row)?.problems ?? []
      const full = { ...blank, ...r, first_name: r.first_name ?? null } as Parameters<
        typeof rowProblems
      >[0]
      expect(rowProblems(full), `row ${r.csv_row}`).toEqual(
        fromDb.filter((p) => !p.startsWith('duplicate')),
      )
    }
  })

  it('imports the valid rows in one go, records each row’s outcome, and a second commit imports nothing', async () => {
    const before = await countCustomers(world.organizationId)
    const [first, second] = await Promise.all([
      commitCustomerImport(office.client, importId),
      commitCustomerImport(office.client, importId),
    ])
    const results = [first, second].sort(
      (a, b) => Number(a?.alreadyCommitted) - Number(b?.alreadyCommitted),
    )
    expect(results).toEqual([
      { imported: 2, failed: 7, alreadyCommitted: false },
      { imported: 2, failed: 7, alreadyCommitted: true },
    ])
    expect(await commitCustomerImport(office.client, importId)).toEqual({
      imported: 2,
      failed: 7,
      alreadyCommitted: true,
    })
    expect(await countCustomers(world.organizationId)).toBe((before ?? 0) + 2)

    const staged = await listCustomerImportRows(office.client, importId)
    expect(staged.filter((r) => r.status === 'imported').map((r) => r.csv_row)).toEqual([2, 10])
    expect(staged.find((r) => r.csv_row === 7)).toMatchObject({
      status: 'failed',
      errors: ['duplicate_email'],
      customer_id: null,
    })
    const ann = staged.find((r) => r.csv_row === 2)
    const [customer] = await sql(
      `select first_name, last_name, email, phone, city from public.customers where id = $1`,
      [ann?.customer_id],
    )
    expect(customer).toEqual({
      first_name: 'Ann',
      last_name: 'Lee',
      email: `ann-${tag}@example.com`,
      phone: '512 555 7001',
      city: 'Austin',
    })
    expect(await getCustomerImport(office.client, importId)).toMatchObject({
      status: 'committed',
      imported_count: 2,
      failed_count: 7,
    })
    // The audit trail names the staff member who imported.
    const [audit] = await sql(
      `select actor, actor_name, action, record_label, changes from public.audit_events where record_id = $1`,
      [ann?.customer_id],
    )
    expect(audit).toEqual({
      actor: 'staff',
      actor_name: 'Oscar Office',
      action: 'created',
      record_label: 'Ann Lee',
      // The same changes the per-row trigger records for a new customer.
      changes: {
        first_name: { new: 'Ann' },
        last_name: { new: 'Lee' },
        email: { new: `ann-${tag}@example.com` },
        phone: { new: '512 555 7001' },
        city: { new: 'Austin' },
      },
    })
  })

  it('no more rows go into a committed import', async () => {
    await expect(
      stageCustomerImportRows(office.client, importId, [row(12, {})]),
    ).rejects.toBeInstanceOf(PermissionError)
  })
})

describe('customer import: refusals', () => {
  it('refuses to commit an incomplete upload, importing nothing', async () => {
    const started = await startCustomerImport(office.client, {
      organizationId: world.organizationId,
      fileName: 'half.csv',
      totalRows: 3,
    })
    await stageCustomerImportRows(office.client, started.id, [row(2, { first_name: 'Half' })])
    await expect(commitCustomerImport(office.client, started.id)).rejects.toMatchObject({
      code: 'P0001',
      message: expect.stringContaining('The upload is incomplete: 1 of 3 rows arrived'),
    })
    expect(await getCustomerImport(office.client, started.id)).toMatchObject({ status: 'staging' })
  })

  it('is all or nothing: when one insert fails, no customer is imported and the import stays open', async () => {
    const name = unique('Explode')
    await sql(`create or replace function public.test_refuse_import() returns trigger language plpgsql as $$
      begin if new.first_name = '${name}' then raise exception 'refused by test'; end if; return new; end $$`)
    await sql(
      `create trigger test_refuse_import before insert on public.customers for each row execute function public.test_refuse_import()`,
    )
    try {
      const started = await startCustomerImport(office.client, {
        organizationId: world.organizationId,
        fileName: 'boom.csv',
        totalRows: 3,
      })
      await stageCustomerImportRows(office.client, started.id, [
        row(2, { first_name: 'Fine' }),
        row(3, { first_name: name }),
        row(4, { first_name: 'Also fine' }),
      ])
      const before = await countCustomers(world.organizationId)
      await expect(commitCustomerImport(office.client, started.id)).rejects.toBeInstanceOf(
        RepositoryError,
      )
      expect(await countCustomers(world.organizationId)).toBe(before)
      expect(await getCustomerImport(office.client, started.id)).toMatchObject({
        status: 'staging',
        imported_count: null,
      })
      expect(
        (await listCustomerImportRows(office.client, started.id)).map((r) => r.status),
      ).toEqual(['pending', 'pending', 'pending'])
    } finally {
      await sql('drop trigger test_refuse_import on public.customers')
      await sql('drop function public.test_refuse_import()')
    }
  })

  it('only the staff member who started an import sees or uses it; technicians and customers cannot import', async () => {
    const started = await startCustomerImport(office.client, {
      organizationId: world.organizationId,
      fileName: 'mine.csv',
      totalRows: 1,
    })
    await stageCustomerImportRows(office.client, started.id, [row(2, { first_name: 'Mine' })])
    const other = await createWorld()
    const strangers = [world.staff, world.technician, world.customer, other.staff, other.customer]
    for (const person of strangers) {
      await expect(getCustomerImport(person.client, started.id)).rejects.toBeInstanceOf(
        NotFoundError,
      )
      expect(await listCustomerImportRows(person.client, started.id)).toEqual([])
      await expect(checkCustomerImport(person.client, started.id)).rejects.toMatchObject({
        code: 'PT404',
      })
      await expect(commitCustomerImport(person.client, started.id)).rejects.toMatchObject({
        code: 'PT404',
      })
      await expect(
        stageCustomerImportRows(person.client, started.id, [row(3, { first_name: 'Intruder' })]),
      ).rejects.toBeInstanceOf(PermissionError)
    }
    expect(
      (await listCustomerImportRows(office.client, started.id)).map((r) => r.first_name),
    ).toEqual(['Mine'])

    await expect(
      startCustomerImport(world.technician.client, {
        organizationId: world.organizationId,
        fileName: 't.csv',
        totalRows: 1,
      }),
    ).rejects.toBeInstanceOf(PermissionError)
    await expect(
      startCustomerImport(world.customer.client, {
        organizationId: world.organizationId,
        fileName: 'c.csv',
        totalRows: 1,
      }),
    ).rejects.toBeInstanceOf(PermissionError)
    // Staff of another organization cannot start an import into this one either.
    await expect(
      startCustomerImport(other.staff.client, {
        organizationId: world.organizationId,
        fileName: 'o.csv',
        totalRows: 1,
      }),
    ).rejects.toBeInstanceOf(PermissionError)
  })

  it('the import’s counts and results are the database’s to write', async () => {
    const started = await startCustomerImport(office.client, {
      organizationId: world.organizationId,
      fileName: 'forge.csv',
      totalRows: 1,
    })
    const forged = await office.client
      .from('customer_imports')
      .update({ status: 'committed' })
      .eq('id', started.id)
    expect(forged.error?.code).toBe('42501')
    const staged = await office.client
      .from('customer_import_rows')
      .insert({ import_id: started.id, csv_row: 2, first_name: 'X', status: 'imported' })
    expect(staged.error?.code).toBe('42501')
  })
})
