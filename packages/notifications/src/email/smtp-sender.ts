import nodemailer from 'nodemailer'

export interface OutgoingEmail {
  to: string
  fromName: string
  replyTo: string | null
  subject: string
  html: string
  text: string
  /** Stable per notification, so a resend after a crash is recognisably the same message. */
  messageId: string
  headers: Record<string, string>
}

export interface EmailSender {
  send(mail: OutgoingEmail): Promise<{ messageId: string }>
  close(): void
}

/** SMTP answered with a permanent failure (5xx): retrying will not help. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/** nodemailer over SMTP: `smtp://host:port` (the local catcher) or `smtps://user:pass@host:465`. */
export function createSmtpSender(options: { url: string; fromAddress: string }): EmailSender {
  const transport = nodemailer.createTransport(options.url)
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: { name: mail.fromName, address: options.fromAddress },
        to: mail.to,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
      })
      return { messageId: info.messageId }
    },
    close: () => transport.close(),
  }
}
