// The {{variables}} a business may use in its own notification wording, per event: one list that
// the CRM's editor shows, the validator checks and the worker fills in. Pure (no React, no
// server code), so the editor in the browser imports it too (`@repo/notifications/template-variables`).
import { formatDate, formatDateTime } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import type { NotificationChannel, NotificationContext, NotificationEvent } from '../types.ts'

/** Events a business writes its own words for (a staff digest is not sent to customers). */
export type TemplateEvent = Exclude<NotificationEvent, 'staff_digest'>

type Payload = Record<string, unknown>

/** What a variable is filled with: the notification's payload and context, and its portal link. */
export interface VariableSource {
  payload: Payload
  context: NotificationContext
  link: string
}

interface Variable {
  help: string
  value: (s: VariableSource) => string
}

const text = (p: Payload, key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '')
const cents = (p: Payload, key: string) => (typeof p[key] === 'number' ? (p[key] as number) : 0)
const when = (s: VariableSource, key: string) =>
  text(s.payload, key) ? formatDateTime(text(s.payload, key), s.context.organization.timezone) : ''
const money = (s: VariableSource, key: string) =>
  formatCents(cents(s.payload, key), s.context.organization.currency)

const common = {
  'customer.first_name': {
    help: 'The customer’s first name',
    value: (s) => s.context.customer.first_name,
  },
  'customer.last_name': {
    help: 'The customer’s last name',
    value: (s) => s.context.customer.last_name ?? '',
  },
  'business.name': { help: 'Your business’s name', value: (s) => s.context.organization.name },
  'business.phone': { help: 'Your phone number', value: (s) => s.context.organization.phone ?? '' },
  'business.email': {
    help: 'Your e-mail address',
    value: (s) => s.context.organization.email ?? '',
  },
  link: { help: 'The link to this in the customer portal', value: (s) => s.link },
} satisfies Record<string, Variable>

const job = {
  'job.title': { help: 'What the visit is', value: (s) => text(s.payload, 'title') },
  'job.start': { help: 'When the visit starts', value: (s) => when(s, 'starts_at') },
  'job.end': { help: 'When the visit ends', value: (s) => when(s, 'ends_at') },
  'job.address': { help: 'Where the visit is', value: (s) => text(s.payload, 'address') },
} satisfies Record<string, Variable>

const technician = {
  'technician.first_name': {
    help: 'The technician’s first name',
    value: (s) => text(s.payload, 'technician_first_name'),
  },
} satisfies Record<string, Variable>

const quote = {
  'quote.number': { help: 'The quote’s number', value: (s) => text(s.payload, 'number') },
  'quote.title': { help: 'What the quote is for', value: (s) => text(s.payload, 'title') },
  'quote.total': { help: 'The quote’s total', value: (s) => money(s, 'total_cents') },
  'quote.valid_until': {
    help: 'The last day the quote is valid',
    value: (s) =>
      text(s.payload, 'valid_until')
        ? formatDate(`${text(s.payload, 'valid_until')}T12:00:00Z`, 'UTC')
        : '',
  },
} satisfies Record<string, Variable>

const invoice = {
  'invoice.number': { help: 'The invoice’s number', value: (s) => text(s.payload, 'number') },
  'invoice.total': { help: 'The invoice’s total', value: (s) => money(s, 'total_cents') },
  'invoice.balance': { help: 'What is left to pay', value: (s) => money(s, 'balance_cents') },
  'invoice.due': {
    help: 'When the invoice is due',
    value: (s) =>
      text(s.payload, 'due_at')
        ? formatDate(text(s.payload, 'due_at'), s.context.organization.timezone)
        : '',
  },
} satisfies Record<string, Variable>

const payment = {
  'payment.amount': {
    help: 'The amount paid (with any tip)',
    value: (s) =>
      formatCents(
        cents(s.payload, 'amount_cents') + cents(s.payload, 'tip_cents'),
        s.context.organization.currency,
      ),
  },
  'payment.invoice_number': {
    help: 'The invoice it pays',
    value: (s) => text(s.payload, 'invoice_number'),
  },
} satisfies Record<string, Variable>

/** Every event's name in the CRM and its variables; a new event does not compile until it has them. */
const EVENTS: Record<TemplateEvent, { label: string; variables: Record<string, Variable> }> = {
  appointment_booked: { label: 'Appointment booked', variables: { ...common, ...job } },
  appointment_confirmed: { label: 'Appointment confirmed', variables: { ...common, ...job } },
  appointment_rescheduled: {
    label: 'Appointment moved',
    variables: {
      ...common,
      ...job,
      'job.previous_start': {
        help: 'When the visit was before',
        value: (s) => when(s, 'previous_starts_at'),
      },
    },
  },
  appointment_cancelled: {
    label: 'Appointment cancelled',
    variables: {
      ...common,
      ...job,
      'job.cancellation_reason': {
        help: 'Why it was cancelled',
        value: (s) => text(s.payload, 'cancellation_reason'),
      },
    },
  },
  appointment_reminder: { label: 'Appointment reminder', variables: { ...common, ...job } },
  technician_on_the_way: {
    label: 'Technician on the way',
    variables: { ...common, ...job, ...technician },
  },
  job_completed: {
    label: 'Visit completed',
    variables: {
      ...common,
      ...job,
      ...technician,
      'job.completed_at': {
        help: 'When the visit was completed',
        value: (s) => when(s, 'completed_at'),
      },
      'job.checklist': {
        help: 'The checklist steps done',
        value: (s) =>
          (Array.isArray(s.payload.checklist) ? s.payload.checklist : [])
            .filter((v): v is string => typeof v === 'string')
            .join(', '),
      },
    },
  },
  message_unread: {
    label: 'Unread message',
    variables: {
      ...common,
      'message.preview': {
        help: 'The start of the message',
        value: (s) => text(s.payload, 'preview'),
      },
    },
  },
  review_request: {
    label: 'Review request',
    variables: { ...common, 'job.title': job['job.title'], ...technician },
  },
  quote_sent: { label: 'Quote sent', variables: { ...common, ...quote } },
  invoice_sent: { label: 'Invoice sent', variables: { ...common, ...invoice } },
  payment_receipt: { label: 'Payment received', variables: { ...common, ...payment } },
  payment_failed: {
    label: 'Payment failed',
    variables: {
      ...common,
      ...payment,
      'payment.failure_message': {
        help: 'Why the payment failed',
        value: (s) => text(s.payload, 'failure_message'),
      },
    },
  },
}
const VARIABLES = Object.fromEntries(
  Object.entries(EVENTS).map(([event, { variables }]) => [event, variables]),
) as Record<TemplateEvent, Record<string, Variable>>

/** What the CRM calls an event. */
export const templateEventLabel = (event: TemplateEvent): string => EVENTS[event].label

/** The events in the editor's order (the registry's). */
export const templateEvents = Object.keys(VARIABLES) as TemplateEvent[]

export const isTemplateEvent = (event: string): event is TemplateEvent => event in VARIABLES

/** The variables an event's template may use, with what each one is. */
export function templateVariables(event: TemplateEvent): { name: string; help: string }[] {
  return Object.entries(VARIABLES[event]).map(([name, v]) => ({ name, help: v.help }))
}

/** Limits the database checks too (migration 33). */
export const templateLimits = { subject: 200, emailBody: 5000, smsBody: 480 } as const

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g

export interface TemplateDraft {
  subject?: string | null
  body?: string | null
}

export type TemplateErrors = Partial<Record<'subject' | 'body', string>>

function checkText(event: TemplateEvent, value: string): string | null {
  const known = VARIABLES[event]
  for (const match of value.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? ''
    if (!(name in known)) {
      return `Unknown variable {{${name}}}: this message can use ${Object.keys(known)
        .map((n) => `{{${n}}}`)
        .join(', ')}`
    }
  }
  // What is left after the variables must not hold a half-written one.
  if (/\{\{|\}\}/.test(value.replace(PLACEHOLDER, ''))) {
    return 'A variable is not closed: write it as {{name}}'
  }
  return null
}

/**
 * Field errors for a business's wording, or null when it can be saved. `allowEmpty` (a preview
 * of an empty draft): no words at all means the default words, not an error.
 */
export function validateTemplate(
  event: TemplateEvent,
  channel: NotificationChannel,
  draft: TemplateDraft,
  options: { allowEmpty?: boolean } = {},
): TemplateErrors | null {
  const errors: TemplateErrors = {}
  const subject = draft.subject?.trim() ?? ''
  const body = draft.body?.trim() ?? ''
  if (channel === 'sms' && subject) errors.subject = 'Text messages have no subject'
  if (subject.length > templateLimits.subject)
    errors.subject = `At most ${templateLimits.subject} characters`
  const bodyLimit = channel === 'sms' ? templateLimits.smsBody : templateLimits.emailBody
  if (body.length > bodyLimit) errors.body = `At most ${bodyLimit} characters`
  if (!subject && !body && !options.allowEmpty)
    errors.body = 'Write a subject or a message, or reset to the default'
  errors.subject ??= (subject && checkText(event, subject)) || undefined
  errors.body ??= (body && checkText(event, body)) || undefined
  if (!errors.subject) delete errors.subject
  if (!errors.body) delete errors.body
  return Object.keys(errors).length ? errors : null
}

/** Fills a validated template's variables (plain text; the e-mail template escapes it). */
export function fillTemplate(
  event: TemplateEvent,
  template: string,
  source: VariableSource,
): string {
  const known = VARIABLES[event]
  return template.replace(PLACEHOLDER, (_, name: string) => known[name]?.value(source) ?? '')
}
