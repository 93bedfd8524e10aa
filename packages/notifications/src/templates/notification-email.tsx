/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { isHexColour } from '@repo/domain/organizations'
import type { NotificationContext } from '../types.ts'
import type { MessageContent } from './content.ts'

export interface NotificationEmailProps {
  content: MessageContent
  context: NotificationContext
  /** The one-click link that switches this kind of e-mail off (absent: no link). */
  unsubscribeUrl?: string
  /** The record in the portal (or the CRM, for a digest); absent: no link. */
  link?: string
}

const page = {
  backgroundColor: '#f4f4f5',
  padding: '24px 0',
  fontFamily: 'Helvetica, Arial, sans-serif',
}
const card = {
  backgroundColor: '#ffffff',
  maxWidth: 560,
  margin: '0 auto',
  padding: 32,
  borderRadius: 8,
}
const small = { color: '#6b7280', fontSize: 12, lineHeight: '18px' }
const FALLBACK_ACCENT = '#0f172a'

/**
 * One notification e-mail in the business's colours: its name and phone on top, the message, a
 * link to the record, its full contact details and the unsubscribe link below.
 */
export function NotificationEmail({
  content,
  context,
  unsubscribeUrl,
  link,
}: NotificationEmailProps) {
  const business = context.organization
  // Checked by the database too; a stray value never reaches a style attribute.
  const accent = isHexColour(business.accent_color) ? business.accent_color : FALLBACK_ACCENT
  const contact = [business.phone, business.email, business.address].filter(Boolean).join(' · ')
  // The event's own call to action (see the arrival time, rate the visit), else the record.
  const button =
    content.action ?? (link ? { url: link, label: content.linkLabel ?? 'Open the portal' } : null)
  const greeting = context.customer.first_name ? `Hi ${context.customer.first_name},` : 'Hello,'
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{content.subject}</title>
      </head>
      <body style={page}>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
          <tbody>
            <tr>
              <td>
                <div style={{ ...card, borderTop: `6px solid ${accent}` }}>
                  <p style={{ fontSize: 14, fontWeight: 700, color: accent, margin: '0 0 4px' }}>
                    {business.name}
                  </p>
                  {business.phone ? (
                    <p style={{ ...small, margin: '0 0 16px' }}>{business.phone}</p>
                  ) : null}
                  <h1 style={{ fontSize: 22, color: '#111827', margin: '16px 0' }}>
                    {content.heading}
                  </h1>
                  <p style={{ fontSize: 15, color: '#111827' }}>{greeting}</p>
                  {content.lines.map((line, i) => (
                    // Lines may repeat (a digest of two alike notices): the index keeps them apart.
                    <p key={i} style={{ fontSize: 15, lineHeight: '22px', color: '#111827' }}>
                      {line}
                    </p>
                  ))}
                  {button ? (
                    <p style={{ margin: '24px 0' }}>
                      <a
                        href={button.url}
                        style={{
                          backgroundColor: accent,
                          color: '#ffffff',
                          padding: '12px 20px',
                          borderRadius: 6,
                          fontSize: 15,
                          fontWeight: 600,
                          textDecoration: 'none',
                          display: 'inline-block',
                        }}
                      >
                        {button.label}
                      </a>
                    </p>
                  ) : null}
                  <hr
                    style={{ border: 'none', borderTop: '1px solid #e5e7eb', margin: '24px 0' }}
                  />
                  <p style={small}>
                    {business.name}
                    {contact ? ` · ${contact}` : ''}
                  </p>
                  {unsubscribeUrl ? (
                    <p style={small}>
                      <a href={unsubscribeUrl} style={{ color: '#6b7280' }}>
                        Unsubscribe from these e-mails
                      </a>
                    </p>
                  ) : null}
                </div>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  )
}
