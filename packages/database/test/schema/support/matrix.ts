import type { Operation, OperationResult } from './drivers.ts'
import { createAuthUser, sql, unique } from './stack.ts'
import {
  addPoints,
  createCustomer,
  createInvoice,
  createJob,
  createStaff,
  insertRow,
  newId,
  type World,
} from './world.ts'

export type Who = keyof World['personas']

export const everyone: readonly Who[] = [
  'customerA',
  'customerB',
  'unlinked',
  'owner',
  'admin',
  'office',
  'tech',
  'otherOrgOwner',
  'anon',
  'service',
]

const STAFF: Who[] = ['owner', 'admin', 'office', 'tech', 'service']
const OFFICE: Who[] = ['owner', 'admin', 'office', 'service']
const ADMINS: Who[] = ['owner', 'admin', 'service']

/** A prepared call and how to tell, from the stored data, whether it took effect. */
export interface Attempt {
  op: Operation
  tookEffect(result: OperationResult): Promise<boolean>
}

/** One row of the matrix: a table (or function) and command, and who may do it. */
export interface MatrixCase {
  name: string
  allowed: readonly Who[]
  prepare(world: World): Promise<Attempt>
}

async function exists(table: string, id: string): Promise<boolean> {
  const rows = await sql(`select 1 from public.${table} where id = $1`, [id])
  return rows.length === 1
}

/** Compares in SQL, so the value is read as the column's type (timestamps, enums, uuids). */
async function columnEquals(
  table: string,
  id: string,
  column: string,
  value: string,
): Promise<boolean> {
  const rows = await sql(`select 1 from public.${table} where id = $1 and ${column} = $2`, [
    id,
    value,
  ])
  return rows.length === 1
}

function selectCase(
  name: string,
  table: string,
  target: (w: World) => string,
  allowed: Who[],
): MatrixCase {
  return {
    name: `${name} select`,
    allowed,
    prepare: async (w) => ({
      op: { kind: 'select', table, id: target(w) },
      tookEffect: async (r) => r.error === null && r.rows === 1,
    }),
  }
}

function insertCase(
  table: string,
  values: (w: World) => Record<string, unknown>,
  allowed: Who[],
): MatrixCase {
  return {
    name: `${table} insert`,
    allowed,
    prepare: async (w) => {
      const id = newId()
      return {
        op: { kind: 'insert', table, values: { id, ...values(w) } },
        tookEffect: () => exists(table, id),
      }
    },
  }
}

function updateCase(
  table: string,
  fresh: (w: World) => Promise<string>,
  column: string,
  value: () => string,
  allowed: Who[],
): MatrixCase {
  return {
    name: `${table} update`,
    allowed,
    prepare: async (w) => {
      const id = await fresh(w)
      const v = value()
      return {
        op: { kind: 'update', table, id, values: { [column]: v } },
        tookEffect: () => columnEquals(table, id, column, v),
      }
    },
  }
}

function deleteCase(
  table: string,
  fresh: (w: World) => Promise<string>,
  allowed: Who[],
): MatrixCase {
  return {
    name: `${table} delete`,
    allowed,
    prepare: async (w) => {
      const id = await fresh(w)
      return {
        op: { kind: 'delete', table, id },
        tookEffect: async () => !(await exists(table, id)),
      }
    },
  }
}

const freshStaff = (w: World) => createStaff(w.org1, null, 'technician')
const freshCustomer = (w: World) => createCustomer(w.org1, null, 'Fresh')
const freshNote = (w: World) =>
  insertRow('customer_notes', { organization_id: w.org1, customer_id: w.customerA, body: 'note' })
const freshService = (w: World) =>
  insertRow('services', { organization_id: w.org1, name: unique('Svc') })
const freshJobA = (w: World) => createJob(w.org1, w.customerA, { technician_id: w.staff.tech })
const freshInvoiceA = (w: World) => createInvoice(w.org1, w.customerA, 'sent')
const freshLineItem = async (w: World) =>
  insertRow('invoice_line_items', {
    invoice_id: await freshInvoiceA(w),
    description: 'Item',
    quantity: 1,
    unit_price_cents: 500,
  })
const freshStaffMessageA = (w: World) =>
  insertRow('messages', {
    organization_id: w.org1,
    customer_id: w.customerA,
    sender_type: 'staff',
    body: 'Hello from the office',
  })
const freshReward = (w: World) =>
  insertRow('loyalty_rewards', { organization_id: w.org1, name: 'R', points_cost: 10 })
const freshLoyalty = (w: World) => addPoints(w.org1, w.customerA, 1)
const freshEvent = async (w: World) => {
  const rows = await sql<{ id: string }>(
    `insert into public.realtime_table_events (organization_id, table_name, record_id, event_type)
     values ($1, 'jobs', gen_random_uuid(), 'UPDATE') returning id::text`,
    [w.org1],
  )
  return (rows[0] as { id: string }).id
}
const freshAudit = async (w: World) => {
  const rows = await sql<{ id: string }>(
    `insert into public.audit_events (organization_id, customer_id, table_name, record_id, record_label, action, actor, actor_name)
     values ($1, $2, 'jobs', $3, 'Job', 'updated', 'system', 'System') returning id::text`,
    [w.org1, w.customerA, w.jobA],
  )
  return (rows[0] as { id: string }).id
}
/** A notice for org 1's owner: only they (and the service role) may see or mark it. */
const freshNotice = (w: World) =>
  insertRow('staff_notifications', {
    organization_id: w.org1,
    staff_member_id: w.staff.owner,
    kind: 'message_received',
    customer_id: w.customerA,
    record_table: 'customers',
    record_id: w.customerA,
    title: 'Alice sent a message',
  })
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
const stamp = () => new Date(Date.now() - Math.floor(Math.random() * 1e9)).toISOString()

export const matrix: MatrixCase[] = [
  // organizations
  selectCase('organizations', 'organizations', (w) => w.org1, ['customerA', 'customerB', ...STAFF]),
  insertCase('organizations', () => ({ name: 'New org', slug: unique('new') }), ['service']),
  updateCase(
    'organizations',
    async (w) => w.org1,
    'name',
    () => unique('Renamed'),
    ADMINS,
  ),
  deleteCase(
    'organizations',
    async () => insertRow('organizations', { name: 'Doomed', slug: unique('doomed') }),
    ['service'],
  ),
  // staff_members
  selectCase('staff_members (assigned technician)', 'staff_members', (w) => w.staff.tech, [
    'customerA',
    ...STAFF,
  ]),
  selectCase('staff_members (owner)', 'staff_members', (w) => w.staff.owner, STAFF),
  insertCase(
    'staff_members',
    (w) => ({ organization_id: w.org1, full_name: 'New tech', role: 'technician' }),
    ADMINS,
  ),
  updateCase('staff_members', freshStaff, 'phone', () => unique('555'), ADMINS),
  deleteCase('staff_members', freshStaff, ADMINS),
  // customers
  selectCase('customers', 'customers', (w) => w.customerA, ['customerA', ...STAFF]),
  insertCase('customers', (w) => ({ organization_id: w.org1, first_name: 'Newcomer' }), OFFICE),
  updateCase(
    'customers',
    async (w) => w.customerA,
    'phone',
    () => unique('555'),
    ['customerA', ...OFFICE],
  ),
  deleteCase('customers', freshCustomer, ADMINS),
  // customer_notes
  selectCase('customer_notes', 'customer_notes', (w) => w.noteA, STAFF),
  insertCase(
    'customer_notes',
    (w) => ({ organization_id: w.org1, customer_id: w.customerA, body: 'New note' }),
    OFFICE,
  ),
  updateCase('customer_notes', freshNote, 'body', () => unique('edited'), OFFICE),
  deleteCase('customer_notes', freshNote, OFFICE),
  // services
  selectCase('services', 'services', (w) => w.service, ['customerA', 'customerB', ...STAFF]),
  insertCase('services', (w) => ({ organization_id: w.org1, name: unique('Svc') }), ADMINS),
  updateCase('services', freshService, 'description', () => unique('desc'), ADMINS),
  deleteCase('services', freshService, ADMINS),
  // jobs
  selectCase('jobs', 'jobs', (w) => w.jobA, ['customerA', ...STAFF]),
  // a technician sees only the jobs assigned to them
  selectCase('jobs (not assigned to the technician)', 'jobs', (w) => w.jobB, [
    'customerB',
    ...OFFICE,
  ]),
  insertCase(
    'jobs',
    (w) => ({
      organization_id: w.org1,
      customer_id: w.customerA,
      title: 'New job',
      scheduled_start: later(5),
      scheduled_end: later(5.1),
    }),
    OFFICE,
  ),
  updateCase('jobs', freshJobA, 'status', () => 'en_route', [...OFFICE, 'tech']),
  deleteCase('jobs', freshJobA, OFFICE),
  // invoices
  selectCase('invoices', 'invoices', (w) => w.invoiceA, ['customerA', ...STAFF]),
  selectCase('invoices (draft)', 'invoices', (w) => w.draftInvoiceA, STAFF),
  insertCase('invoices', (w) => ({ organization_id: w.org1, customer_id: w.customerA }), OFFICE),
  updateCase('invoices', freshInvoiceA, 'notes', () => unique('note'), OFFICE),
  deleteCase('invoices', (w) => createInvoice(w.org1, w.customerA, 'draft'), OFFICE),
  // invoice_line_items
  selectCase('invoice_line_items', 'invoice_line_items', (w) => w.lineItemA, [
    'customerA',
    ...STAFF,
  ]),
  insertCase(
    'invoice_line_items',
    (w) => ({ invoice_id: w.invoiceA, description: 'Extra', quantity: 1, unit_price_cents: 100 }),
    OFFICE,
  ),
  updateCase('invoice_line_items', freshLineItem, 'description', () => unique('desc'), OFFICE),
  deleteCase('invoice_line_items', freshLineItem, OFFICE),
  // messages
  selectCase('messages (A thread)', 'messages', (w) => w.staffMessageA, ['customerA', ...STAFF]),
  selectCase('messages (B thread)', 'messages', (w) => w.customerMessageB, ['customerB', ...STAFF]),
  insertCase(
    'messages',
    (w) => ({
      organization_id: w.org1,
      customer_id: w.customerA,
      sender_type: 'customer',
      body: 'Hi there',
    }),
    ['customerA', ...OFFICE],
  ),
  updateCase('messages', freshStaffMessageA, 'read_at', stamp, ['customerA', ...OFFICE]),
  deleteCase('messages', freshStaffMessageA, OFFICE),
  // loyalty_rewards
  selectCase('loyalty_rewards', 'loyalty_rewards', (w) => w.reward, [
    'customerA',
    'customerB',
    ...STAFF,
  ]),
  insertCase(
    'loyalty_rewards',
    (w) => ({ organization_id: w.org1, name: 'New reward', points_cost: 50 }),
    OFFICE,
  ),
  updateCase('loyalty_rewards', freshReward, 'description', () => unique('desc'), OFFICE),
  deleteCase('loyalty_rewards', freshReward, OFFICE),
  // loyalty_transactions: an append-only ledger for everyone but the service role
  selectCase('loyalty_transactions', 'loyalty_transactions', (w) => w.loyaltyA, [
    'customerA',
    ...STAFF,
  ]),
  insertCase(
    'loyalty_transactions',
    (w) => ({ organization_id: w.org1, customer_id: w.customerA, points: 5, kind: 'bonus' }),
    OFFICE,
  ),
  updateCase('loyalty_transactions', freshLoyalty, 'description', () => unique('desc'), [
    'service',
  ]),
  deleteCase('loyalty_transactions', freshLoyalty, ['service']),
  // realtime_table_events: read-only for staff
  {
    name: 'realtime_table_events select',
    allowed: STAFF,
    prepare: async (w) => ({
      op: { kind: 'select', table: 'realtime_table_events', id: await freshEvent(w) },
      tookEffect: async (r) => r.error === null && r.rows === 1,
    }),
  },
  {
    name: 'realtime_table_events insert',
    allowed: ['service'],
    prepare: async (w) => {
      const recordId = newId()
      return {
        op: {
          kind: 'insert',
          table: 'realtime_table_events',
          values: {
            organization_id: w.org1,
            table_name: 'jobs',
            record_id: recordId,
            event_type: 'INSERT',
          },
        },
        tookEffect: async () =>
          (await sql('select 1 from public.realtime_table_events where record_id = $1', [recordId]))
            .length === 1,
      }
    },
  },
  // audit_events: staff of the organization read it; nobody writes or rewrites it, not even the
  // service role (only the triggers do)
  {
    name: 'audit_events select',
    allowed: STAFF,
    prepare: async (w) => ({
      op: { kind: 'select', table: 'audit_events', id: await freshAudit(w) },
      tookEffect: async (r) => r.error === null && r.rows === 1,
    }),
  },
  updateCase('audit_events', freshAudit, 'actor_name', () => unique('Forged'), []),
  deleteCase('audit_events', freshAudit, []),
  // staff_notifications: each staff member's own
  {
    name: 'staff_notifications select',
    allowed: ['owner', 'service'],
    prepare: async (w) => ({
      op: { kind: 'select', table: 'staff_notifications', id: await freshNotice(w) },
      tookEffect: async (r) => r.error === null && r.rows === 1,
    }),
  },
  updateCase('staff_notifications', freshNotice, 'read_at', stamp, ['owner', 'service']),
  deleteCase('staff_notifications', freshNotice, ['service']),
  // rpc functions
  {
    name: 'rpc loyalty_balance',
    allowed: ['customerA', ...STAFF],
    prepare: async (w) => ({
      op: { kind: 'rpc', fn: 'loyalty_balance', args: { p_customer_id: w.customerA } },
      tookEffect: async (r) => r.error === null,
    }),
  },
  {
    name: 'rpc redeem_points (points)',
    allowed: ['customerA', ...OFFICE],
    prepare: async (w) => {
      const description = unique('matrix redemption')
      await addPoints(w.org1, w.customerA, 3)
      return {
        op: {
          kind: 'rpc',
          fn: 'redeem_points',
          args: { p_customer_id: w.customerA, p_points: 3, p_description: description },
        },
        tookEffect: async () =>
          (
            await sql('select 1 from public.loyalty_transactions where description = $1', [
              description,
            ])
          ).length === 1,
      }
    },
  },
  {
    name: 'rpc redeem_points (reward)',
    allowed: ['customerA', ...OFFICE],
    prepare: async (w) => {
      const reward = await insertRow('loyalty_rewards', {
        organization_id: w.org1,
        name: unique('Reward'),
        points_cost: 7,
      })
      await addPoints(w.org1, w.customerA, 7)
      return {
        op: {
          kind: 'rpc',
          fn: 'redeem_points',
          args: { p_customer_id: w.customerA, p_reward_id: reward },
        },
        tookEffect: async () =>
          (await sql('select 1 from public.loyalty_transactions where reward_id = $1', [reward]))
            .length === 1,
      }
    },
  },
  {
    name: 'rpc confirm_job',
    allowed: ['customerA', ...OFFICE],
    prepare: async (w) => {
      const job = await freshJobA(w)
      return {
        op: { kind: 'rpc', fn: 'confirm_job', args: { p_job_id: job } },
        tookEffect: () => columnEquals('jobs', job, 'status', 'confirmed'),
      }
    },
  },
  {
    name: 'rpc request_reschedule',
    allowed: ['customerA', ...OFFICE],
    prepare: async (w) => {
      const job = await freshJobA(w)
      return {
        op: {
          kind: 'rpc',
          fn: 'request_reschedule',
          args: { p_job_id: job, p_preferred_times: [later(20)], p_note: 'Mornings please' },
        },
        tookEffect: () => columnEquals('jobs', job, 'reschedule_note', 'Mornings please'),
      }
    },
  },
  {
    name: 'rpc cancel_job',
    allowed: ['customerA', ...OFFICE],
    prepare: async (w) => {
      const job = await freshJobA(w)
      return {
        op: { kind: 'rpc', fn: 'cancel_job', args: { p_job_id: job, p_reason: 'Away' } },
        tookEffect: () => columnEquals('jobs', job, 'status', 'cancelled'),
      }
    },
  },
  {
    name: 'rpc provision_portal_user',
    allowed: OFFICE,
    prepare: async (w) => {
      const customer = await freshCustomer(w)
      const user = await createAuthUser('portal')
      return {
        op: {
          kind: 'rpc',
          fn: 'provision_portal_user',
          args: { p_customer_id: customer, p_user_id: user.id },
        },
        tookEffect: () => columnEquals('customers', customer, 'portal_user_id', user.id),
      }
    },
  },
  {
    name: 'rpc mark_overdue_invoices',
    allowed: everyone.filter((w) => w !== 'anon'),
    prepare: async () => ({
      op: { kind: 'rpc', fn: 'mark_overdue_invoices', args: {} },
      tookEffect: async (r) => r.error === null,
    }),
  },
  {
    name: 'rpc prune_realtime_table_events',
    allowed: ['service'],
    prepare: async () => ({
      op: { kind: 'rpc', fn: 'prune_realtime_table_events', args: { p_older_than: '30 days' } },
      tookEffect: async (r) => r.error === null,
    }),
  },
]
