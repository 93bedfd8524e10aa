'use server'

import { fail, ok } from '@repo/actions/result'
import { readCrmUrl } from '@repo/database/env'
import {
  addJobLine,
  addJobNote,
  attachPaymentCheckout,
  collectJobPayment,
  getFieldJob,
  removeJobLine,
  startJobCardPayment,
} from '@repo/database/repositories'
import { createClient as createServiceClient } from '@repo/database/service-role'
import { canChangeJobStatus, forbiddenMessage } from '@repo/domain/staff'
import { PaymentProviderError, paymentProviderFromEnv } from '@repo/payments'
import { staffAction } from '@/lib/staff-action.ts'
import {
  cardPaymentSchema,
  collectPaymentSchema,
  jobLineSchema,
  jobNoteSchema,
  removeJobLineSchema,
} from './onsite-schema.ts'

// Each action is one small step a phone can queue and retry: ids are chosen on the phone, so a
// retry never doubles a note, a line or a payment. RLS and the database functions decide who may.

const visitPages = (jobId: string) => [`/my-day/${jobId}`, '/my-day']

/** A note on the visit, for the office (never shown to the customer). */
export const addJobNoteAction = staffAction(
  { name: 'field-work.note', schema: jobNoteSchema, role: 'jobs.status' },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    const job = await getFieldJob(supabase, input.jobId)
    if (!canChangeJobStatus(staff, job)) return fail(forbiddenMessage)
    const note = await addJobNote(supabase, {
      id: input.id,
      organizationId: job.organization_id,
      jobId: job.id,
      body: input.body,
    })
    revalidate(...visitPages(job.id))
    return ok(note)
  },
)

/** An extra line added on site; the database prices catalog lines and refuses a closed visit. */
export const addJobLineAction = staffAction(
  { name: 'field-work.line', schema: jobLineSchema, role: 'jobs.status' },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    const job = await getFieldJob(supabase, input.jobId)
    if (!canChangeJobStatus(staff, job)) return fail(forbiddenMessage)
    const line = await addJobLine(supabase, {
      id: input.id,
      organizationId: job.organization_id,
      jobId: job.id,
      line:
        input.kind === 'catalog'
          ? { serviceId: input.serviceId, quantity: input.quantity }
          : {
              description: input.description,
              unitPriceCents: input.unitPriceCents,
              quantity: input.quantity,
              taxable: input.taxable,
            },
    })
    revalidate(...visitPages(job.id))
    return ok(line)
  },
)

export const removeJobLineAction = staffAction(
  { name: 'field-work.line.remove', schema: removeJobLineSchema, role: 'jobs.status' },
  async ({ input, ctx: { supabase }, revalidate }) => {
    await removeJobLine(supabase, input.lineId)
    revalidate(...visitPages(input.jobId))
    return ok(null)
  },
)

/** Cash or a check taken at the door, toward the job's invoice (made and sent if it has none). */
export const collectJobPaymentAction = staffAction(
  {
    name: 'field-work.payment',
    schema: collectPaymentSchema,
    role: 'jobs.status',
    errors: { fallback: 'The payment could not be recorded; nothing was changed.' },
  },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const payment = await collectJobPayment(supabase, {
      paymentId: input.paymentId,
      jobId: input.jobId,
      method: input.method,
      amountCents: input.amountCents,
      checkNumber: input.checkNumber,
    })
    revalidate(...visitPages(input.jobId), '/invoices')
    return ok(payment)
  },
)

/**
 * The customer pays by card on the technician's phone: a pending payment of the balance and the
 * provider's checkout for it (the portal's online payment, opened here). Returns where to go.
 */
export const startJobCardPaymentAction = staffAction(
  {
    name: 'field-work.card',
    schema: cardPaymentSchema,
    role: 'jobs.status',
    errors: { fallback: 'The card payment could not be started; nothing was charged.' },
  },
  async ({ input, ctx: { supabase, organization } }) => {
    const payment = await startJobCardPayment(supabase, input)
    const back = `${readCrmUrl()}/my-day/${input.jobId}`
    if (payment.status === 'succeeded' || payment.status === 'refunded') return ok({ url: back })
    if (payment.checkout_url) return ok({ url: payment.checkout_url })
    try {
      const provider = paymentProviderFromEnv()
      const checkout = await provider.createCheckout({
        paymentId: payment.id,
        amountCents: payment.amount_cents + payment.tip_cents,
        currency: organization.currency,
        description: `${organization.name}: your visit`,
        customerEmail: null,
        successUrl: `${back}?paid=${payment.id}`,
        cancelUrl: back,
      })
      // Technicians may not write payments; the server records where the checkout lives.
      await attachPaymentCheckout(createServiceClient(), {
        paymentId: payment.id,
        provider: provider.name,
        reference: checkout.id,
        url: checkout.url,
      })
      return ok({ url: checkout.url })
    } catch (error) {
      if (error instanceof PaymentProviderError)
        return fail(`${error.message} Nothing was charged.`)
      throw error
    }
  },
)
