import { beforeAll, describe, expect, it } from 'vitest'
import {
  cancelJob,
  confirmJob,
  createInvoice,
  createJob,
  getJob,
  listCustomerJobs,
  listJobs,
  NotFoundError,
  recordPayment,
  RepositoryError,
  requestReschedule,
  updateJobStatus,
  ValidationError,
} from '../../src/repositories/index.ts'
import { createWorld, hoursFromNow, sql, type World } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

const newJob = (world: World, customerId: string, startInHours = 72) => ({
  organization_id: world.organizationId,
  customer_id: customerId,
  title: 'Carpet cleaning',
  scheduled_start: hoursFromNow(startInHours),
  scheduled_end: hoursFromNow(startInHours + 2),
  price_cents: 15000,
})

describe('jobs repository', () => {
  it('lets staff schedule and move jobs through their statuses', async () => {
    const job = await createJob(world.staff.client, newJob(world, world.customer.id))
    expect(job).toMatchObject({ status: 'scheduled', price_cents: 15000 })
    expect((await updateJobStatus(world.staff.client, job.id, 'en_route')).status).toBe('en_route')
    const listed = await listJobs(world.staff.client, {
      organizationId: world.organizationId,
      status: ['en_route'],
    })
    expect(listed.map((j) => j.id)).toContain(job.id)
  })

  it('shows customers only their own jobs', async () => {
    const mine = await createJob(world.staff.client, newJob(world, world.customer.id))
    const theirs = await createJob(world.staff.client, newJob(world, world.otherCustomer.id))
    const visible = (await listCustomerJobs(world.customer.client, world.customer.id)).map(
      (j) => j.id,
    )
    expect(visible).toContain(mine.id)
    expect(visible).not.toContain(theirs.id)
    await expect(getJob(world.customer.client, theirs.id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('lets a customer confirm, ask to reschedule and cancel their appointment', async () => {
    const job = await createJob(world.staff.client, newJob(world, world.customer.id))
    expect((await confirmJob(world.customer.client, job.id)).status).toBe('confirmed')
    const moved = await requestReschedule(world.customer.client, job.id, {
      preferredTimes: [hoursFromNow(100), hoursFromNow(120)],
      note: 'Mornings are better',
    })
    expect(moved.reschedule_note).toBe('Mornings are better')
    expect(moved.reschedule_requested_at).not.toBeNull()
    const cancelled = await cancelJob(world.customer.client, job.id, 'Moving house')
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation_reason: 'Moving house' })
  })

  it('refuses what the rules forbid with a typed error, changing nothing', async () => {
    const soon = await createJob(world.staff.client, newJob(world, world.customer.id, 2))
    await expect(cancelJob(world.customer.client, soon.id, 'Too late')).rejects.toBeInstanceOf(
      RepositoryError,
    )
    expect((await getJob(world.staff.client, soon.id)).status).toBe('scheduled')
    const other = await createJob(world.staff.client, newJob(world, world.otherCustomer.id))
    await expect(confirmJob(world.customer.client, other.id)).rejects.toBeInstanceOf(
      RepositoryError,
    )
    expect((await getJob(world.staff.client, other.id)).status).toBe('scheduled')
  })

  it('rejects bad input before any query', async () => {
    await expect(
      createJob(world.staff.client, { ...newJob(world, world.customer.id), title: '  ' }),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(
      createJob(world.staff.client, {
        ...newJob(world, world.customer.id),
        scheduled_end: hoursFromNow(1),
        scheduled_start: hoursFromNow(3),
      }),
    ).rejects.toThrow(/scheduled_end must be after scheduled_start/)
    await expect(
      requestReschedule(world.customer.client, world.customer.id, { preferredTimes: [] }),
    ).rejects.toThrow(/preferredTimes/)
    await expect(listJobs(world.staff.client, { from: 'yesterday' })).rejects.toThrow(
      /from must be an ISO 8601/,
    )
  })
})

describe('what customers may do online is the business’s choice', () => {
  it('refuses a switched-off action to the customer, not to staff, and changes nothing', async () => {
    const own = await createWorld()
    const job = await createJob(own.staff.client, {
      organization_id: own.organizationId,
      customer_id: own.customer.id,
      title: 'Duct cleaning',
      scheduled_start: hoursFromNow(96),
      scheduled_end: hoursFromNow(98),
    })
    await sql(
      `update public.organizations set customers_may_confirm = false, customers_may_reschedule = false, customers_may_cancel = false where id = $1`,
      [own.organizationId],
    )
    await expect(confirmJob(own.customer.client, job.id)).rejects.toThrow(/does not take this online; please call or message us to confirm/)
    await expect(
      requestReschedule(own.customer.client, job.id, { preferredTimes: [hoursFromNow(120)] }),
    ).rejects.toThrow(/to reschedule/)
    await expect(cancelJob(own.customer.client, job.id, 'Away')).rejects.toMatchObject({ code: 'P0001' })
    expect(await getJob(own.staff.client, job.id)).toMatchObject({ status: 'scheduled', reschedule_requested_at: null })

    // Staff work the same job as ever, and switched back on the customer may act again.
    expect((await confirmJob(own.staff.client, job.id)).status).toBe('confirmed')
    await sql(`update public.organizations set customers_may_cancel = true where id = $1`, [own.organizationId])
    expect((await cancelJob(own.customer.client, job.id, 'Away')).status).toBe('cancelled')
  })
})

describe('loyalty rule', () => {
  it('a completed job earns points per dollar plus the points per job once its invoice is paid', async () => {
    const own = await createWorld()
    await sql(`update public.organizations set points_per_dollar = 2, points_per_job = 50 where id = $1`, [own.organizationId])
    const job = await createJob(own.staff.client, {
      organization_id: own.organizationId,
      customer_id: own.customer.id,
      title: 'Furnace tune-up',
      scheduled_start: hoursFromNow(-3),
      scheduled_end: hoursFromNow(-2),
      price_cents: 12_999,
    })
    await updateJobStatus(own.staff.client, job.id, 'completed')
    const earned = () =>
      sql<{ points: number }>(`select points from public.loyalty_transactions where job_id = $1 and kind = 'earned'`, [
        job.id,
      ])
    expect(await earned()).toEqual([])
    const invoice = await createInvoice(
      own.staff.client,
      { organization_id: own.organizationId, customer_id: own.customer.id, job_id: job.id, status: 'sent' },
      [{ description: 'Furnace tune-up', quantity: 1, unit_price_cents: 12_999, taxable: true, tax_rate_bps: 1000 }],
    )
    // A part-payment earns nothing yet; paying the rest does (tax excluded).
    await recordPayment(own.staff.client, { invoiceId: invoice.id, amountCents: 5_000, method: 'cash' })
    expect(await earned()).toEqual([])
    await recordPayment(own.staff.client, { invoiceId: invoice.id, amountCents: invoice.total_cents - 5_000, method: 'check' })
    // 2 × $129.99 = 259.98, rounded down, + 50.
    expect(await earned()).toEqual([{ points: 309 }])
  })
})
