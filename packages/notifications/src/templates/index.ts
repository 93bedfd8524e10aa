import { render } from '@react-email/render'
import { createElement } from 'react'
import type { NotificationContext, NotificationEvent } from '../types.ts'
import { type MessageContent, messageContent } from './content.ts'
import { NotificationEmail } from './notification-email.tsx'
import { fillTemplate, isTemplateEvent, validateTemplate } from './variables.ts'

export { type MessageContent, messageContent } from './content.ts'
export { NotificationEmail, type NotificationEmailProps } from './notification-email.tsx'
export { samplePayloads } from './samples.ts'

export interface RenderedEmail {
  subject: string
  html: string
  text: string
}

export interface RenderOptions {
  /** The one-click unsubscribe link (absent: none). */
  unsubscribeUrl?: string
  /** Where `{{link}}` and the e-mail's button point (the portal page of the record). */
  link?: string
}

/**
 * The words of one notification: the built-in ones, with the business's own subject and body
 * (context.template) in their place when it wrote them. A stored template that no longer
 * validates (say, a variable an event lost) is ignored rather than sent half-filled.
 */
export function composeContent(
  event: NotificationEvent,
  channel: 'email' | 'sms',
  payload: Record<string, unknown>,
  context: NotificationContext,
  link = '',
): MessageContent {
  const content = messageContent(event, payload, context)
  const template = context.template
  if (!template || !isTemplateEvent(event) || validateTemplate(event, channel, template)) {
    return content
  }
  // `{{link}}` is the event's own call to action when it has one (a review form), else the record.
  const source = { payload, context, link: content.action?.url ?? link }
  const subject = template.subject?.trim()
  const body = template.body?.trim()
  return {
    ...content,
    subject: subject ? fillTemplate(event, subject, source) : content.subject,
    lines:
      body && channel === 'email' ? paragraphs(fillTemplate(event, body, source)) : content.lines,
    sms: body && channel === 'sms' ? fillTemplate(event, body, source) : content.sms,
  }
}

/** A body as the business typed it: one paragraph per line, blank lines dropped. */
const paragraphs = (body: string) =>
  body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)

/** The e-mail for one notification: HTML from the React template and its plain-text part. */
export async function renderEmail(
  event: NotificationEvent,
  payload: Record<string, unknown>,
  context: NotificationContext,
  options: RenderOptions = {},
): Promise<RenderedEmail> {
  const content = composeContent(event, 'email', payload, context, options.link)
  const element = createElement(NotificationEmail, {
    content,
    context,
    unsubscribeUrl: options.unsubscribeUrl,
    link: options.link,
  })
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { subject: content.subject, html, text }
}

/** The text message for one notification, signed with the business's name. */
export function renderSms(
  event: NotificationEvent,
  payload: Record<string, unknown>,
  context: NotificationContext,
  link = '',
): string {
  return `${context.organization.name}: ${composeContent(event, 'sms', payload, context, link).sms}`
}
