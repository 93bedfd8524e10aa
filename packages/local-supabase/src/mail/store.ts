import { randomUUID } from 'node:crypto'

export interface Address {
  Name: string
  Address: string
}

/** One received e-mail, with the fields Mailpit's API names (so tests read either the same way). */
export interface CaughtMail {
  ID: string
  MessageID: string
  From: Address | null
  To: Address[]
  Cc: Address[]
  Subject: string
  Created: string
  Size: number
  Text: string
  HTML: string
  /** Every header, lower-cased name to its values in order (Mailpit: /message/{ID}/headers). */
  Headers: Record<string, string[]>
  Read: boolean
}

/** One text message handed to the local SMS provider. */
export interface CaughtSms {
  ID: string
  To: string
  From: string
  Body: string
  /** The sender's key for this text: a second text with the same key is the same text. */
  IdempotencyKey: string | null
  Created: string
}

export type MailSummary = Omit<CaughtMail, 'Text' | 'HTML' | 'Headers'> & { Snippet: string }

export interface CatcherStore {
  /** Keeps a mail unless one with the same Message-ID is held (as Gmail drops resent copies). */
  addMail(mail: Omit<CaughtMail, 'ID' | 'Created' | 'Read'>): {
    mail: CaughtMail
    duplicate: boolean
  }
  mails(): CaughtMail[]
  mail(id: string): CaughtMail | undefined
  deleteMails(ids?: string[]): void
  addSms(sms: Omit<CaughtSms, 'ID' | 'Created'>): { sms: CaughtSms; duplicate: boolean }
  texts(): CaughtSms[]
  deleteTexts(): void
  /** Resolves when a mail matching `predicate` is held (or already is). */
  waitForMail(predicate: (mail: CaughtMail) => boolean, timeoutMs: number): Promise<CaughtMail>
}

export function summarize(mail: CaughtMail): MailSummary {
  const { Text, HTML: _html, Headers: _headers, ...rest } = mail
  return { ...rest, Snippet: Text.replace(/\s+/g, ' ').trim().slice(0, 250) }
}

/** `to:alice@example.com`, `subject:word`, or a bare word found in subject, addresses or text. */
export function matchesQuery(mail: CaughtMail, query: string): boolean {
  return query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => {
      const [, field, value] = /^(to|from|subject):(.*)$/i.exec(term) ?? [null, null, term]
      const wanted = (value ?? '').replace(/^"|"$/g, '').toLowerCase()
      const addresses = (list: Address[]) =>
        list.some((a) => a.Address.toLowerCase().includes(wanted))
      switch (field?.toLowerCase()) {
        case 'to':
          return addresses([...mail.To, ...mail.Cc])
        case 'from':
          return mail.From ? addresses([mail.From]) : false
        case 'subject':
          return mail.Subject.toLowerCase().includes(wanted)
        default:
          return [mail.Subject, mail.Text, ...mail.To.map((a) => a.Address)].some((s) =>
            s.toLowerCase().includes(wanted),
          )
      }
    })
}

/** Newest last, bounded: the oldest go first once `capacity` is reached. */
export function createCatcherStore(capacity = 1000): CatcherStore {
  const mails: CaughtMail[] = []
  const texts: CaughtSms[] = []
  const waiters = new Set<(mail: CaughtMail) => void>()
  const trim = <T>(list: T[]) => {
    if (list.length > capacity) list.splice(0, list.length - capacity)
  }
  return {
    addMail(input) {
      const held = input.MessageID ? mails.find((m) => m.MessageID === input.MessageID) : undefined
      if (held) return { mail: held, duplicate: true }
      const mail: CaughtMail = {
        ...input,
        ID: randomUUID(),
        Created: new Date().toISOString(),
        Read: false,
      }
      mails.push(mail)
      trim(mails)
      for (const waiter of waiters) waiter(mail)
      return { mail, duplicate: false }
    },
    mails: () => [...mails],
    mail: (id) => mails.find((m) => m.ID === id),
    deleteMails(ids) {
      if (!ids || ids.length === 0) {
        mails.length = 0
        return
      }
      const gone = new Set(ids)
      for (let i = mails.length - 1; i >= 0; i--)
        if (gone.has(mails[i]?.ID ?? '')) mails.splice(i, 1)
    },
    addSms(input) {
      const held = input.IdempotencyKey
        ? texts.find((t) => t.IdempotencyKey === input.IdempotencyKey)
        : undefined
      if (held) return { sms: held, duplicate: true }
      const sms: CaughtSms = { ...input, ID: randomUUID(), Created: new Date().toISOString() }
      texts.push(sms)
      trim(texts)
      return { sms, duplicate: false }
    },
    texts: () => [...texts],
    deleteTexts() {
      texts.length = 0
    },
    waitForMail(predicate, timeoutMs) {
      const held = mails.find(predicate)
      if (held) return Promise.resolve(held)
      return new Promise((resolve, reject) => {
        const waiter = (mail: CaughtMail) => {
          if (!predicate(mail)) return
          clearTimeout(timer)
          waiters.delete(waiter)
          resolve(mail)
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          reject(new Error(`no matching mail arrived within ${timeoutMs} ms`))
        }, timeoutMs)
        waiters.add(waiter)
      })
    },
  }
}
