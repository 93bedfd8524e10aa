/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { NotificationContext } from '../types.ts'
import type { MessageContent } from './content.ts'

export interface NotificationEmailProps {
  content: MessageContent
  context: NotificationContext
  /** The one-click link that switches this kind of e-mail off (absent: no link). */
  unsubscribeUrl?: string
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

/** One notification e-mail: the business's name on top, the message, its contact details below. */
export function NotificationEmail({ content, context, unsubscribeUrl }: NotificationEmailProps) {
  const business = context.organization
  const contact = [business.phone, business.email, business.address].filter(Boolean).join(' · ')
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
                <div style={card}>
                  <p
                    style={{ fontSize: 14, fontWeight: 700, color: '#0f172a', margin: '0 0 16px' }}
                  >
                    {business.name}
                  </p>
                  <h1 style={{ fontSize: 22, color: '#111827', margin: '0 0 16px' }}>
                    {content.heading}
                  </h1>
                  <p style={{ fontSize: 15, color: '#111827' }}>{greeting}</p>
                  {content.lines.map((line) => (
                    <p key={line} style={{ fontSize: 15, lineHeight: '22px', color: '#111827' }}>
                      {line}
                    </p>
                  ))}
                  {content.action ? (
                    <p style={{ margin: '24px 0' }}>
                      <a
                        href={content.action.url}
                        style={{
                          backgroundColor: '#0f172a',
                          color: '#ffffff',
                          padding: '12px 20px',
                          borderRadius: 6,
                          fontSize: 15,
                          fontWeight: 600,
                          textDecoration: 'none',
                          display: 'inline-block',
                        }}
                      >
                        {content.action.label}
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
