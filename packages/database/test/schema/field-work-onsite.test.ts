import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addJobLine,
  addJobNote,
  collectJobPayment,
  listJobLines,
  listJobNotes,
  removeJobLine,
  startJobCardPayment,
} from '../../src/repositories/index.ts'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, one, sql } from './support/stack.ts'
import { createJob, createStaff, createWorld, insertRow, type World } from './support/world.ts'

/*
 * On site (supabase/migrations/*_field_onsite.sql): notes, extra lines and payment at the door,
 * each allowed to the job's technician and office staff only, lines only while the visit is open.
 */
describe('field work on site', () => {
  let world: World
  let p: World['personas']
  /** A job of customer A in progress, assigned to the world's technician, with its service. */
  let openJob: () => Promise<string>
  beforeAll(async () => {
    world = await createWorld()
    p = world.personas
    openJob = () =>
      createJob(world.org1, world.customerA, {
        technician_id: world.staff.tech,
        service_id: world.service,
        status: 'in_progress',
      })
  })
  afterAll(closeAdminPool)

  it('notes: the job’s technician writes them with author and time; office reads them; others are refused', async () => {
    const job = await openJob()
    const note = await addJobNote(clientFor(p.tech), {
      organizationId: world.org1,
      jobId: job,
      body: '  Dog in the back yard  ',
    })
    expect(note.body).toBe('Dog in the back yard')
    expect(note.author_staff_id).toBe(world.staff.tech)
    expect(note.author?.full_name).toBe('technician person')
    expect(Date.now() - Date.parse(note.created_at)).toBeLessThan(60_000)
    const officeSees = await listJobNotes(clientFor(p.office), job)
    expect(officeSees.map((n) => n.body)).toEqual(['Dog in the back yard'])
    // The customer and a technician of another job neither read nor write them.
    expect(await listJobNotes(clientFor(p.customerA), job)).toEqual([])
    await expect(
      addJobNote(clientFor(p.customerA), { organizationId: world.org1, jobId: job, body: 'hi' }),
    ).rejects.toThrow()
    const otherTech = await createStaff(world.org1, null, 'technician')
    const notMine = await createJob(world.org1, world.customerB, { technician_id: otherTech })
    await expect(
      addJobNote(clientFor(p.tech), { organizationId: world.org1, jobId: notMine, body: 'x' }),
    ).rejects.toThrow()
    // A forged author is replaced by the database.
    const { data: forged } = await clientFor(p.tech)
      .from('job_notes')
      .insert({
        organization_id: world.org1,
        job_id: job,
        body: 'Forged',
        author_staff_id: world.staff.owner,
      })
      .select('author_staff_id')
      .single()
    expect(forged?.author_staff_id).toBe(world.staff.tech)
  })

  it('notes: a note sent again with its id (its answer lost) is added once', async () => {
    const job = await openJob()
    const id = randomUUID()
    const input = { id, organizationId: world.org1, jobId: job, body: 'Queued on the phone' }
    const first = await addJobNote(clientFor(p.tech), input)
    const again = await addJobNote(clientFor(p.tech), input)
    expect(again).toEqual(first)
    expect((await listJobNotes(clientFor(p.office), job)).map((n) => n.id)).toEqual([id])
  })

  it('lines: catalog lines take the catalog’s price; custom lines only where the business allows', async () => {
    const job = await openJob()
    const line = await addJobLine(clientFor(p.tech), {
      organizationId: world.org1,
      jobId: job,
      line: { serviceId: world.service, quantity: 2 },
    })
    expect(line.unit_price_cents).toBe(9900)
    expect(line.amount_cents).toBe(19800)
    // A price sent along with a catalog line is overwritten.
    const { data: cheap } = await clientFor(p.tech)
      .from('job_line_items')
      .insert({
        organization_id: world.org1,
        job_id: job,
        service_id: world.service,
        description: 'x',
        unit_price_cents: 1,
      })
      .select('unit_price_cents')
      .single()
    expect(cheap?.unit_price_cents).toBe(9900)
    const custom = {
      organizationId: world.org1,
      jobId: job,
      line: {
        description: 'Pet odor treatment',
        unitPriceCents: 2500,
        quantity: 1,
        taxable: false,
      },
    }
    await expect(addJobLine(clientFor(p.tech), custom)).rejects.toThrow(/catalog/)
    await sql('update public.organizations set technicians_add_custom_lines = true where id = $1', [
      world.org1,
    ])
    const added = await addJobLine(clientFor(p.tech), custom)
    expect(added.amount_cents).toBe(2500)
    await sql(
      'update public.organizations set technicians_add_custom_lines = false where id = $1',
      [world.org1],
    )
    // Office staff may always add a custom line.
    await addJobLine(clientFor(p.office), {
      ...custom,
      line: { ...custom.line, description: 'Stairs' },
    })
    expect((await listJobLines(clientFor(p.office), job)).length).toBe(4)
    expect(await listJobLines(clientFor(p.customerA), job)).toEqual([])
  })

  it('lines: a technician of another job is refused', async () => {
    const otherTech = await createStaff(world.org1, null, 'technician')
    const notMine = await createJob(world.org1, world.customerB, {
      technician_id: otherTech,
      status: 'in_progress',
    })
    await expect(
      addJobLine(clientFor(p.tech), {
        organizationId: world.org1,
        jobId: notMine,
        line: { serviceId: world.service, quantity: 1 },
      }),
    ).rejects.toThrow()
    expect(
      (
        await one<{ n: number }>(
          'select count(*)::int as n from public.job_line_items where job_id = $1',
          [notMine],
        )
      ).n,
    ).toBe(0)
  })

  it('lines: refused after completion and once the job’s invoice is sent', async () => {
    const job = await openJob()
    const add = () =>
      addJobLine(clientFor(p.tech), {
        organizationId: world.org1,
        jobId: job,
        line: { serviceId: world.service, quantity: 1 },
      })
    const line = await add()
    await sql(`update public.jobs set status = 'completed' where id = $1`, [job])
    await expect(add()).rejects.toThrow(/completed/)
    await expect(removeJobLine(clientFor(p.tech), line.id)).rejects.toThrow(/completed/)
    await expect(
      addJobLine(clientFor(p.office), {
        organizationId: world.org1,
        jobId: job,
        line: { serviceId: world.service, quantity: 1 },
      }),
    ).rejects.toThrow(/completed/)

    const invoiced = await openJob()
    await insertRow('invoices', {
      organization_id: world.org1,
      customer_id: world.customerA,
      job_id: invoiced,
      status: 'sent',
    })
    await expect(
      addJobLine(clientFor(p.tech), {
        organizationId: world.org1,
        jobId: invoiced,
        line: { serviceId: world.service, quantity: 1 },
      }),
    ).rejects.toThrow(/invoiced/)
  })

  it('lines carry into the job’s invoice: a draft follows them, a new invoice takes them', async () => {
    const job = await openJob()
    const first = await addJobLine(clientFor(p.tech), {
      organizationId: world.org1,
      jobId: job,
      line: { serviceId: world.service, quantity: 1 },
    })
    const invoice = await insertRow('invoices', {
      organization_id: world.org1,
      customer_id: world.customerA,
      job_id: job,
      status: 'draft',
    })
    const lines = () =>
      sql<{ job_line_item_id: string | null; amount_cents: number }>(
        'select job_line_item_id, amount_cents from public.invoice_line_items where invoice_id = $1 order by position',
        [invoice],
      )
    expect((await lines()).map((l) => l.job_line_item_id)).toEqual([first.id])
    const second = await addJobLine(clientFor(p.tech), {
      organizationId: world.org1,
      jobId: job,
      line: { serviceId: world.service, quantity: 3 },
    })
    expect((await lines()).map((l) => l.job_line_item_id)).toEqual([first.id, second.id])
    await removeJobLine(clientFor(p.tech), second.id)
    expect((await lines()).map((l) => l.job_line_item_id)).toEqual([first.id])
    expect(
      (
        await one<{ subtotal_cents: number }>(
          'select subtotal_cents from public.invoices where id = $1',
          [invoice],
        )
      ).subtotal_cents,
    ).toBe(9900)
  })

  it('payment on site: the job’s technician collects cash; a double tap records it once', async () => {
    const job = await openJob()
    await addJobLine(clientFor(p.tech), {
      organizationId: world.org1,
      jobId: job,
      line: { serviceId: world.service, quantity: 1 },
    })
    const paymentId = randomUUID()
    const tap = () =>
      collectJobPayment(clientFor(p.tech), { paymentId, jobId: job, method: 'cash' })
    const [a, b] = await Promise.all([tap(), tap()])
    expect(a.id).toBe(paymentId)
    expect(b.id).toBe(paymentId)
    expect(a.status).toBe('succeeded')
    // The job's price (15000) and its extra line (9900), untaxed in this world.
    expect(a.amount_cents).toBe(24900)
    const invoice = await one<{ status: string; balance_cents: number; job_id: string; n: number }>(
      `select i.status, i.balance_cents, i.job_id,
              (select count(*)::int from public.payments p where p.invoice_id = i.id) as n
       from public.invoices i where i.id = $1`,
      [a.invoice_id],
    )
    expect(invoice).toEqual({ status: 'paid', balance_cents: 0, job_id: job, n: 1 })
    // The same id with other details is refused, not a second payment.
    await expect(
      collectJobPayment(clientFor(p.tech), {
        paymentId,
        jobId: job,
        method: 'check',
        checkNumber: '12',
      }),
    ).rejects.toThrow(/other details/)
  })

  it('payment on site: a check needs its number; part payments leave a balance; the office sees it', async () => {
    const job = await openJob()
    await expect(
      collectJobPayment(clientFor(p.tech), {
        paymentId: randomUUID(),
        jobId: job,
        method: 'check',
      }),
    ).rejects.toThrow(/check number/)
    const part = await collectJobPayment(clientFor(p.tech), {
      paymentId: randomUUID(),
      jobId: job,
      method: 'check',
      amountCents: 5000,
      checkNumber: '1042',
    })
    expect(part.check_number).toBe('1042')
    const { data } = await clientFor(p.office)
      .from('invoices')
      .select('balance_cents, status')
      .eq('id', part.invoice_id ?? '')
      .single()
    expect(data).toEqual({ balance_cents: 10000, status: 'sent' })
  })

  it('payment on site: a technician of another job, the customer, and a visit not started are refused', async () => {
    const otherTech = await createStaff(world.org1, null, 'technician')
    const notMine = await createJob(world.org1, world.customerA, {
      technician_id: otherTech,
      status: 'in_progress',
    })
    await expect(
      collectJobPayment(clientFor(p.tech), {
        paymentId: randomUUID(),
        jobId: notMine,
        method: 'cash',
      }),
    ).rejects.toThrow(/not found/)
    await expect(
      collectJobPayment(clientFor(p.customerA), {
        paymentId: randomUUID(),
        jobId: notMine,
        method: 'cash',
      }),
    ).rejects.toThrow(/not found/)
    expect(
      (
        await one<{ n: number }>(
          'select count(*)::int as n from public.invoices where job_id = $1',
          [notMine],
        )
      ).n,
    ).toBe(0)
    const scheduled = await createJob(world.org1, world.customerA, {
      technician_id: world.staff.tech,
      status: 'scheduled',
    })
    await expect(
      collectJobPayment(clientFor(p.tech), {
        paymentId: randomUUID(),
        jobId: scheduled,
        method: 'cash',
      }),
    ).rejects.toThrow(/started/)
  })

  it('card on site: a pending card payment of the balance, once per id', async () => {
    const job = await openJob()
    const paymentId = randomUUID()
    const first = await startJobCardPayment(clientFor(p.tech), { paymentId, jobId: job })
    const again = await startJobCardPayment(clientFor(p.tech), { paymentId, jobId: job })
    expect(again.id).toBe(first.id)
    expect(first).toMatchObject({ method: 'card', status: 'pending', amount_cents: 15000 })
  })

  it('avatars: staff set a photo from their own folder only', async () => {
    const tech = clientFor(p.tech)
    const path = `${world.org1}/${world.staff.tech}/me.png`
    const png = new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' })
    const upload = await tech.storage
      .from('avatars')
      .upload(path, png, { contentType: 'image/png' })
    expect(upload.error).toBeNull()
    const { data, error } = await tech.rpc('set_my_avatar', {
      p_organization_id: world.org1,
      p_path: path,
    })
    expect(error).toBeNull()
    expect((data as { avatar_path: string } | null)?.avatar_path).toBe(path)
    // Not into a colleague's folder, and not a path with no object.
    const theirs = await tech.storage
      .from('avatars')
      .upload(`${world.org1}/${world.staff.office}/x.png`, png, { contentType: 'image/png' })
    expect(theirs.error).not.toBeNull()
    const missing = await tech.rpc('set_my_avatar', {
      p_organization_id: world.org1,
      p_path: `${world.org1}/${world.staff.tech}/none.png`,
    })
    expect(missing.error?.message).toMatch(/own folder/)
  })
})
