import type { Logger } from '../log.ts'

export type MailType = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change'

/** One e-mail the stack would have sent. */
export interface Mail {
  to: string
  subject: string
  type: MailType
  /** Auth's /verify link for this mail (GoTrue's ConfirmationURL, generate_link's action_link). */
  link: string
  /** The body, rendered from the project's template as hosted Auth would render it. */
  html: string
  /** The links in the body, in order: what the reader can click. */
  links: string[]
  token: string
  token_hash: string
  created_at: string
}

export interface Mailbox {
  deliver(mail: Omit<Mail, 'created_at'>): void
  list(to?: string): Mail[]
}

/** No mail leaves the machine: messages are kept (newest last, bounded) and logged. */
export function createMailbox(log: Logger, capacity = 500): Mailbox {
  const mails: Mail[] = []
  return {
    deliver(mail) {
      const stored = { ...mail, created_at: new Date().toISOString() }
      mails.push(stored)
      if (mails.length > capacity) mails.splice(0, mails.length - capacity)
      log.info('mail recorded (not sent)', {
        to: mail.to,
        type: mail.type,
        link: mail.links[0] ?? mail.link,
        token: mail.token,
      })
    },
    list(to) {
      const wanted = to?.trim().toLowerCase()
      return wanted ? mails.filter((m) => m.to === wanted) : [...mails]
    },
  }
}
