// What a technician adds during a visit: notes, extra lines and payment at the door
// (supabase/migrations/*_field_onsite.sql decides who may and until when).
import type { Client, PaymentRow, Row } from '../types.ts'
import { check, rpcRow, unwrap, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

export type JobNote = Row<'job_notes'> & {
  author: Pick<Row<'staff_members'>, 'id' | 'full_name'> | null
}
export type JobLineItem = Row<'job_line_items'>

const noteSelect =
  '*, author:staff_members!job_notes_organization_id_author_staff_id_fkey(id, full_name)' as const

/** A job's notes, oldest first, with who wrote them. */
export async function listJobNotes(client: Client, jobId: string): Promise<JobNote[]> {
  const result = await client
    .from('job_notes')
    .select(noteSelect)
    .eq('job_id', assertUuid(jobId, 'jobId'))
    .order('created_at', { ascending: true })
    .order('id', { ascending: true })
  return unwrap(result, 'listing the job’s notes')
}

/**
 * Adds a note to a job; the database records the author and the time. With an id chosen on the
 * phone, adding it again (a retried send whose answer was lost) answers the note already there.
 */
export async function addJobNote(
  client: Client,
  input: { id?: string; organizationId: string; jobId: string; body: string },
): Promise<JobNote> {
  const body = input.body.trim()
  if (!body) throw new ValidationError('body', 'must not be empty')
  if (input.id) {
    const earlier = await client
      .from('job_notes')
      .select(noteSelect)
      .eq('id', assertUuid(input.id, 'id'))
      .maybeSingle()
    check(earlier, 'looking up the note')
    if (earlier.data) return earlier.data
  }
  const result = await client
    .from('job_notes')
    .insert({
      ...(input.id ? { id: assertUuid(input.id, 'id') } : {}),
      organization_id: assertUuid(input.organizationId, 'organizationId'),
      job_id: assertUuid(input.jobId, 'jobId'),
      body,
    })
    .select(noteSelect)
    .single()
  return unwrap(result, 'adding the note')
}

/** The lines added to a job on site, oldest first. */
export async function listJobLines(client: Client, jobId: string): Promise<JobLineItem[]> {
  const result = await client
    .from('job_line_items')
    .select('*')
    .eq('job_id', assertUuid(jobId, 'jobId'))
    .order('created_at', { ascending: true })
    .order('id', { ascending: true })
  return unwrap(result, 'listing the job’s lines')
}

export type JobLineInput =
  | { serviceId: string; quantity: number }
  | { description: string; unitPriceCents: number; quantity: number; taxable: boolean }

/**
 * Adds a line to a job: a catalog service (the database prices it) or a custom line with its
 * price (where the business allows it). Refused once the visit is completed or invoiced.
 */
export async function addJobLine(
  client: Client,
  input: { id?: string; organizationId: string; jobId: string; line: JobLineInput },
): Promise<JobLineItem> {
  const { line } = input
  if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 1000) {
    throw new ValidationError('quantity', 'must be a whole number from 1 to 1000')
  }
  const row =
    'serviceId' in line
      ? {
          service_id: assertUuid(line.serviceId, 'serviceId'),
          // Replaced by the service's name and price in the database.
          description: 'catalog',
          unit_price_cents: 0,
          quantity: line.quantity,
        }
      : {
          description: line.description.trim(),
          unit_price_cents: line.unitPriceCents,
          quantity: line.quantity,
          taxable: line.taxable,
        }
  if (
    !('serviceId' in line) &&
    (!Number.isInteger(line.unitPriceCents) || line.unitPriceCents < 0)
  ) {
    throw new ValidationError('unitPriceCents', 'must be whole cents, zero or more')
  }
  const result = await client
    .from('job_line_items')
    .insert({
      ...(input.id ? { id: assertUuid(input.id, 'id') } : {}),
      organization_id: assertUuid(input.organizationId, 'organizationId'),
      job_id: assertUuid(input.jobId, 'jobId'),
      ...row,
    })
    .select('*')
    .single()
  return unwrap(result, 'adding the line')
}

/** Removes a line added on site (while the visit is open). */
export async function removeJobLine(client: Client, lineId: string): Promise<void> {
  const result = await client.from('job_line_items').delete().eq('id', assertUuid(lineId, 'lineId'))
  check(result, 'removing the line')
}

export interface CollectJobPaymentInput {
  /** Chosen by the phone once per payment form: a second tap returns the same payment. */
  paymentId: string
  jobId: string
  method: 'cash' | 'check'
  /** Defaults to the balance of the job's invoice. */
  amountCents?: number | null
  checkNumber?: string | null
}

/**
 * Cash or a check taken at the door by the job's technician: the database makes (and sends) the
 * job's invoice when it has none and records the payment as the office's "Record payment" does.
 */
export async function collectJobPayment(
  client: Client,
  input: CollectJobPaymentInput,
): Promise<PaymentRow> {
  if (
    input.amountCents != null &&
    (!Number.isInteger(input.amountCents) || input.amountCents < 1)
  ) {
    throw new ValidationError('amountCents', 'must be whole cents, at least 1')
  }
  const result = await client.rpc('collect_job_payment', {
    p_payment_id: assertUuid(input.paymentId, 'paymentId'),
    p_job_id: assertUuid(input.jobId, 'jobId'),
    p_method: input.method,
    ...(input.amountCents != null ? { p_amount_cents: input.amountCents } : {}),
    ...(input.checkNumber ? { p_check_number: input.checkNumber } : {}),
  })
  return rpcRow(unwrap(result, 'recording the payment'), 'collect_job_payment')
}

/** A pending card payment of the job's balance, for the provider's checkout on the phone. */
export async function startJobCardPayment(
  client: Client,
  input: { paymentId: string; jobId: string },
): Promise<PaymentRow> {
  const result = await client.rpc('start_job_card_payment', {
    p_payment_id: assertUuid(input.paymentId, 'paymentId'),
    p_job_id: assertUuid(input.jobId, 'jobId'),
  })
  return rpcRow(unwrap(result, 'starting the card payment'), 'start_job_card_payment')
}

/** The job's invoices (a void one included), newest first, with their payments. */
export async function listJobInvoices(client: Client, jobId: string) {
  const result = await client
    .from('invoices')
    .select('*, payments(*)')
    .eq('job_id', assertUuid(jobId, 'jobId'))
    .order('created_at', { ascending: false })
  return unwrap(result, 'listing the job’s invoices')
}
