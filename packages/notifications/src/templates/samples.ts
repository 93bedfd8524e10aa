import type { TemplateEvent } from './variables.ts'

// What the CRM's preview fills a template with: a made-up visit, quote, invoice and payment
// shaped like the payloads the database writes (migrations 29 and 32), two days from now.
const inTwoDays = () => {
  const start = new Date(Date.now() + 2 * 86_400_000)
  start.setUTCHours(15, 0, 0, 0)
  return start
}

function job(extra: Record<string, unknown> = {}) {
  const start = inTwoDays()
  return {
    title: 'Carpet cleaning',
    starts_at: start.toISOString(),
    ends_at: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    address: '12 Example Street',
    cancellation_reason: null,
    ...extra,
  }
}

export const samplePayloads: Record<TemplateEvent, () => Record<string, unknown>> = {
  appointment_booked: () => job(),
  appointment_confirmed: () => job(),
  appointment_rescheduled: () =>
    job({ previous_starts_at: new Date(inTwoDays().getTime() - 86_400_000).toISOString() }),
  appointment_cancelled: () => job({ cancellation_reason: 'The customer is away that week.' }),
  appointment_reminder: () => job(),
  technician_on_the_way: () => job({ job_id: 'sample', technician_first_name: 'Tom' }),
  job_completed: () =>
    job({
      technician_first_name: 'Tom',
      service: 'Carpet cleaning',
      completed_at: new Date().toISOString(),
      checklist: ['Move furniture', 'Pre-treat stains', 'Steam clean'],
    }),
  message_unread: () => ({
    preview: 'Tom can come an hour earlier on Friday. Does 9:00 suit you?',
  }),
  review_request: () => job({ technician_first_name: 'Tom', token: 'sample' }),
  quote_sent: () => ({
    number: 'Q-0042',
    title: 'Whole-house carpet cleaning',
    total_cents: 48_500,
    deposit_cents: 10_000,
    valid_until: inTwoDays().toISOString().slice(0, 10),
  }),
  invoice_sent: () => ({
    number: 'INV-0107',
    total_cents: 32_000,
    balance_cents: 32_000,
    due_at: inTwoDays().toISOString(),
  }),
  payment_receipt: () => ({
    amount_cents: 32_000,
    tip_cents: 2_000,
    method: 'card',
    invoice_number: 'INV-0107',
    received_at: new Date().toISOString(),
  }),
  payment_failed: () => ({
    amount_cents: 32_000,
    tip_cents: 0,
    method: 'card',
    invoice_number: 'INV-0107',
    failure_message: 'The card was declined.',
  }),
}
