import { render } from '@react-email/render'
import { createElement } from 'react'
import type { NotificationContext, NotificationEvent } from '../types.ts'
import { messageContent } from './content.ts'
import { NotificationEmail } from './notification-email.tsx'

export { type MessageContent, messageContent } from './content.ts'
export { NotificationEmail, type NotificationEmailProps } from './notification-email.tsx'

export interface RenderedEmail {
  subject: string
  html: string
  text: string
}

/** The e-mail for one notification: HTML from the React template and its plain-text part. */
export async function renderEmail(
  event: NotificationEvent,
  payload: Record<string, unknown>,
  context: NotificationContext,
  unsubscribeUrl?: string,
): Promise<RenderedEmail> {
  const content = messageContent(event, payload, context)
  const element = createElement(NotificationEmail, { content, context, unsubscribeUrl })
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { subject: content.subject, html, text }
}

/** The text message for one notification, signed with the business's name. */
export function renderSms(
  event: NotificationEvent,
  payload: Record<string, unknown>,
  context: NotificationContext,
): string {
  return `${context.organization.name}: ${messageContent(event, payload, context).sms}`
}
