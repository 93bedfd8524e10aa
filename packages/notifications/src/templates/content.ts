import { formatDate, formatDateTime, formatTime } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import type { NotificationContext, NotificationEvent } from '../types.ts'
import { appLink } from '../links.ts'

/** What one notification says, before it becomes an e-mail or a text message. */
export interface MessageContent {
  subject: string
  heading: string
  lines: string[]
  /** The one-line text message (the business's name is added in front). */
  sms: string
  /** A button in the e-mail (and the link in its text part and the SMS), when there is one. */
  action?: { label: string; url: string }
  /** The words of the e-mail's link to the record (default: "Open the portal"). */
  linkLabel?: string
}

type Payload = Record<string, unknown>

const text = (p: Payload, key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '')
const cents = (p: Payload, key: string) => (typeof p[key] === 'number' ? (p[key] as number) : 0)
const list = (p: Payload, key: string) =>
  Array.isArray(p[key])
    ? (p[key] as unknown[]).filter((v): v is string => typeof v === 'string')
    : []
/** A page of the portal, when the worker knows where the portal is. */
const portalLink = (ctx: NotificationContext, path: string) => appLink(ctx.portalUrl, path)
/** "with Tom" when the job has a technician. */
const withTechnician = (p: Payload) =>
  text(p, 'technician_first_name') ? ` with ${text(p, 'technician_first_name')}` : ''

/** Every event's words; a new event does not compile until it has them. */
const WORDS: Record<NotificationEvent, (p: Payload, ctx: NotificationContext) => MessageContent> = {
  appointment_booked: (p, ctx) => {
    const when = formatDateTime(text(p, 'starts_at'), ctx.organization.timezone)
    // Booked online and waiting for the office: a request, not yet a booking.
    if (text(p, 'status') === 'requested') {
      return {
        subject: `Request received: ${text(p, 'title')} on ${when}`,
        heading: 'We received your request',
        lines: [
          `You asked for ${text(p, 'title')} on ${when}.`,
          'We will confirm the time shortly.',
          text(p, 'address') && `Where: ${text(p, 'address')}`,
        ],
        sms: `We received your request for ${text(p, 'title')} on ${when}. We will confirm shortly.`,
      }
    }
    return {
      subject: `Booked: ${text(p, 'title')} on ${when}`,
      heading: 'Your appointment is booked',
      lines: [
        `${text(p, 'title')} on ${when}${withTechnician(p)}.`,
        text(p, 'address') && `Where: ${text(p, 'address')}`,
      ],
      sms: `${text(p, 'title')} is booked for ${when}.`,
    }
  },
  appointment_confirmed: (p, ctx) => {
    const when = formatDateTime(text(p, 'starts_at'), ctx.organization.timezone)
    return {
      subject: `Confirmed: ${text(p, 'title')} on ${when}`,
      heading: 'Your appointment is confirmed',
      lines: [
        `${text(p, 'title')} on ${when}.`,
        text(p, 'address') && `Where: ${text(p, 'address')}`,
      ],
      sms: `${text(p, 'title')} on ${when} is confirmed.`,
    }
  },
  appointment_rescheduled: (p, ctx) => {
    const zone = ctx.organization.timezone
    const when = formatDateTime(text(p, 'starts_at'), zone)
    if (text(p, 'status') === 'requested') {
      return {
        subject: `Request received: move ${text(p, 'title')} to ${when}`,
        heading: 'We received your request to move',
        lines: [
          `You asked to move ${text(p, 'title')} to ${when}.`,
          'We will confirm the new time shortly.',
        ],
        sms: `We received your request to move ${text(p, 'title')} to ${when}.`,
      }
    }
    return {
      subject: `Moved: ${text(p, 'title')} is now on ${when}`,
      heading: 'Your appointment has moved',
      lines: [
        `${text(p, 'title')} is now on ${when}.`,
        text(p, 'previous_starts_at') &&
          `It was on ${formatDateTime(text(p, 'previous_starts_at'), zone)}.`,
      ],
      sms: `${text(p, 'title')} moved to ${when}.`,
    }
  },
  appointment_cancelled: (p, ctx) => {
    const when = formatDateTime(text(p, 'starts_at'), ctx.organization.timezone)
    return {
      subject: `Cancelled: ${text(p, 'title')} on ${when}`,
      heading: 'Your appointment is cancelled',
      lines: [`${text(p, 'title')} on ${when} is cancelled.`, text(p, 'cancellation_reason')],
      sms: `${text(p, 'title')} on ${when} is cancelled.`,
    }
  },
  appointment_reminder: (p, ctx) => {
    const when = formatDateTime(text(p, 'starts_at'), ctx.organization.timezone)
    return {
      subject: `Reminder: ${text(p, 'title')} on ${when}`,
      heading: 'See you soon',
      lines: [
        `A reminder of ${text(p, 'title')} on ${when}.`,
        text(p, 'address') && `Where: ${text(p, 'address')}`,
      ],
      sms: `Reminder: ${text(p, 'title')} on ${when}.`,
    }
  },
  technician_on_the_way: (p, ctx) => {
    const who = text(p, 'technician_first_name') || 'Your technician'
    const url = portalLink(ctx, `/appointments/${text(p, 'job_id')}`)
    return {
      subject: `${who} is on the way`,
      heading: `${who} is on the way`,
      lines: [
        `${who} is heading to you for ${text(p, 'title')}.`,
        url ? 'See when they will arrive on your appointment page.' : '',
      ],
      sms: `${who} is on the way for ${text(p, 'title')}.${url ? ` Live arrival time: ${url}` : ''}`,
      action: url ? { label: 'See the arrival time', url } : undefined,
    }
  },
  job_completed: (p, ctx) => {
    const zone = ctx.organization.timezone
    const done = text(p, 'completed_at')
    const steps = list(p, 'checklist')
    const service = text(p, 'service')
    return {
      subject: `Done: ${text(p, 'title')}`,
      heading: 'Your visit is complete',
      lines: [
        `${text(p, 'title')}${withTechnician(p)} was completed${
          done ? ` on ${formatDateTime(done, zone)}` : ''
        }.`,
        service && service !== text(p, 'title') ? `Service: ${service}` : '',
        text(p, 'starts_at') &&
          `Booked for ${formatDateTime(text(p, 'starts_at'), zone)}${
            text(p, 'ends_at') ? `–${formatTime(text(p, 'ends_at'), zone)}` : ''
          }.`,
        text(p, 'address') && `Where: ${text(p, 'address')}`,
        steps.length > 0 ? `Done: ${steps.join(', ')}.` : '',
      ],
      sms: `${text(p, 'title')} is done${withTechnician(p)}. Thank you!`,
    }
  },
  message_unread: (p, ctx) => {
    const url = portalLink(ctx, '/messages')
    return {
      subject: `New message from ${ctx.organization.name}`,
      heading: 'You have a new message',
      lines: [`"${text(p, 'preview')}"`, url ? 'Read and reply in the portal.' : ''],
      sms: `New message: "${text(p, 'preview')}"${url ? ` Reply: ${url}` : ''}`,
      action: url ? { label: 'Read the message', url } : undefined,
    }
  },
  review_request: (p, ctx) => {
    const url = portalLink(ctx, `/review/${text(p, 'token')}`)
    return {
      subject: `How was ${text(p, 'title')}?`,
      heading: 'How did we do?',
      lines: [
        `Thank you for choosing ${ctx.organization.name} for ${text(p, 'title')}${withTechnician(p)}.`,
        'Would you rate the visit? It takes a few seconds and no sign-in.',
      ],
      sms: `How was ${text(p, 'title')}?${url ? ` Rate it: ${url}` : ''}`,
      action: url ? { label: 'Rate the visit', url } : undefined,
    }
  },
  quote_sent: (p, ctx) => {
    const total = formatCents(cents(p, 'total_cents'), ctx.organization.currency)
    const until = text(p, 'valid_until')
    return {
      subject: `Quote ${text(p, 'number')}: ${text(p, 'title')}`,
      heading: 'Your quote is ready',
      lines: [
        `${text(p, 'title')}: ${total}.`,
        until && `Valid until ${formatDate(`${until}T12:00:00Z`, 'UTC')}.`,
        'Open the portal to review and approve it.',
      ],
      sms: `Your quote ${text(p, 'number')} (${total}) is ready in the portal.`,
    }
  },
  invoice_sent: (p, ctx) => {
    const balance = formatCents(cents(p, 'balance_cents'), ctx.organization.currency)
    return {
      subject: `Invoice ${text(p, 'number')}: ${balance} due`,
      heading: `Invoice ${text(p, 'number')}`,
      lines: [
        `Amount due: ${balance}.`,
        text(p, 'due_at') && `Due ${formatDate(text(p, 'due_at'), ctx.organization.timezone)}.`,
        'You can pay it in the portal.',
      ],
      sms: `Invoice ${text(p, 'number')}: ${balance} due. Pay in the portal.`,
    }
  },
  payment_receipt: (p, ctx) => {
    const paid = formatCents(
      cents(p, 'amount_cents') + cents(p, 'tip_cents'),
      ctx.organization.currency,
    )
    const invoice = text(p, 'invoice_number')
    return {
      subject: `Receipt: ${paid} received${invoice ? ` for invoice ${invoice}` : ''}`,
      heading: 'Thank you for your payment',
      lines: [
        `We received ${paid}${invoice ? ` for invoice ${invoice}` : ''}.`,
        cents(p, 'tip_cents') > 0
          ? `Including a tip of ${formatCents(cents(p, 'tip_cents'), ctx.organization.currency)}.`
          : '',
      ],
      sms: `Payment of ${paid} received. Thank you!`,
    }
  },
  payment_failed: (p, ctx) => {
    const amount = formatCents(cents(p, 'amount_cents'), ctx.organization.currency)
    const invoice = text(p, 'invoice_number')
    return {
      subject: `Your payment of ${amount} did not go through`,
      heading: 'Your payment did not go through',
      lines: [
        `The payment of ${amount}${invoice ? ` for invoice ${invoice}` : ''} failed.`,
        text(p, 'failure_message'),
        'Please try again in the portal or call us.',
      ],
      sms: `Your payment of ${amount} did not go through. Please try again in the portal.`,
    }
  },
  staff_digest: (p, ctx) => {
    const items = Array.isArray(p.items) ? (p.items as Payload[]) : []
    const count = items.length
    return {
      subject: `${count} unread notification${count === 1 ? '' : 's'} at ${ctx.organization.name}`,
      heading: `You have ${count} unread notification${count === 1 ? '' : 's'}`,
      lines: items.map(
        (item) =>
          `${formatDateTime(text(item, 'created_at'), ctx.organization.timezone)}: ${text(item, 'title')}${
            text(item, 'body') ? ` (${text(item, 'body')})` : ''
          }`,
      ),
      sms: '',
      linkLabel: 'Open the CRM',
    }
  },
}

export function messageContent(
  event: NotificationEvent,
  payload: Payload,
  ctx: NotificationContext,
): MessageContent {
  const content = WORDS[event](payload, ctx)
  return { ...content, lines: content.lines.filter(Boolean) }
}
