import nodemailer from 'nodemailer'
import type { Logger } from '../log.ts'
import type { CatcherStore, CaughtMail } from '../mail/index.ts'
import { linksIn } from './email-templates.ts'

export type MailType = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change'

const MAIL_TYPES: readonly MailType[] = [
  'signup',
  'invite',
  'magiclink',
  'recovery',
  'email_change',
]

/** One e-mail Auth sent. */
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
  /** Hands the mail to SMTP; resolves once the catcher has it (failures are logged, not thrown). */
  deliver(mail: Omit<Mail, 'created_at'>): Promise<void>
  /** Auth's mails held by the catcher, oldest first (waits for sends still in flight). */
  list(to?: string): Promise<Mail[]>
}

/** GoTrue's `SMTP_ADMIN_EMAIL` as the Supabase CLI sets it for Mailpit. */
const SENDER = 'Supabase Auth <admin@email.com>'

/**
 * Headers that carry what the JSON mailbox (`/_mailbox`) shows besides the mail itself, so the
 * catcher stays the one place Auth's mails are kept.
 */
const HEADER = {
  type: 'x-local-auth-type',
  link: 'x-local-auth-link',
  token: 'x-local-auth-token',
  tokenHash: 'x-local-auth-token-hash',
} as const

function fromCaught(mail: CaughtMail): Mail | null {
  const header = (name: string) => mail.Headers[name]?.[0] ?? ''
  const type = MAIL_TYPES.find((t) => t === header(HEADER.type))
  if (!type) return null
  return {
    to: mail.To[0]?.Address ?? '',
    subject: mail.Subject,
    type,
    link: header(HEADER.link),
    html: mail.HTML,
    links: linksIn(mail.HTML),
    token: header(HEADER.token),
    token_hash: header(HEADER.tokenHash),
    created_at: mail.Created,
  }
}

/** No mail leaves the machine: Auth's mails go over SMTP to the stack's mail catcher. */
export function createMailbox(
  log: Logger,
  smtp: { host: string; port: number },
  store: CatcherStore,
): Mailbox {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
  })
  const inFlight = new Set<Promise<void>>()
  return {
    deliver(mail) {
      const sending = transport
        .sendMail({
          from: SENDER,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          headers: {
            [HEADER.type]: mail.type,
            [HEADER.link]: mail.link,
            [HEADER.token]: mail.token,
            [HEADER.tokenHash]: mail.token_hash,
          },
        })
        .then(() => {
          log.info('mail sent to the local catcher', {
            to: mail.to,
            type: mail.type,
            link: mail.links[0] ?? mail.link,
          })
        })
        .catch((error: Error) => {
          log.error('mail could not be sent', {
            to: mail.to,
            type: mail.type,
            error: error.message,
          })
        })
        .finally(() => inFlight.delete(sending))
      inFlight.add(sending)
      return sending
    },
    async list(to) {
      await Promise.all(inFlight)
      const wanted = to?.trim().toLowerCase()
      return store
        .mails()
        .map(fromCaught)
        .filter((m): m is Mail => m !== null && (!wanted || m.to === wanted))
    },
  }
}
