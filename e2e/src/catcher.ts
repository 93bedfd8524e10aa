// The stack's mail and SMS catcher (Mailpit's API on the stack's MAILPIT_URL): what the
// notification worker really sent, as a customer's mailbox and phone would get it.
import { expect } from '@playwright/test'
import { e2eEnv } from './env.ts'
import { runRoundAsOf } from './notification-worker.ts'

export interface CaughtMail {
  ID: string
  Subject: string
}

export interface CaughtText {
  To: string
  Body: string
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${e2eEnv.mailpitUrl}${path}`)
  if (!response.ok) throw new Error(`the catcher answered ${response.status} for ${path}`)
  return (await response.json()) as T
}

/** The e-mails sent to an address, newest first. */
export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const listing = await getJson<{ messages: CaughtMail[] }>(
    `/api/v1/search?query=${encodeURIComponent(`to:${address}`)}&limit=200`,
  )
  return listing.messages
}

/** The text messages sent to a phone number. */
export async function textsTo(phone: string): Promise<CaughtText[]> {
  return (await getJson<{ messages: CaughtText[] }>(`/api/v1/sms?to=${encodeURIComponent(phone)}`))
    .messages
}

/** Waits for the e-mail whose subject matches (the running worker sends within a second or so). */
export async function waitForMail(
  address: string,
  subject: RegExp,
): Promise<CaughtMail & { HTML: string; Text: string }> {
  let found: CaughtMail | undefined
  await expect
    .poll(
      async () => {
        found = (await mailsTo(address)).find((m) => subject.test(m.Subject))
        return found?.Subject ?? null
      },
      { message: `an e-mail to ${address} with a subject like ${subject}`, timeout: 20_000 },
    )
    .toMatch(subject)
  const mail = found as CaughtMail
  return {
    ...mail,
    ...(await getJson<{ HTML: string; Text: string }>(`/api/v1/message/${mail.ID}`)),
  }
}

/** The first link in an e-mail's HTML whose address starts with `prefix`. */
export function linkIn(html: string, prefix: string): string {
  const link = [...html.matchAll(/href="([^"]+)"/g)]
    .map((m) => (m[1] ?? '').replaceAll('&amp;', '&'))
    .find((href) => href.startsWith(prefix))
  if (!link) throw new Error(`no link to ${prefix}… in the e-mail`)
  return link
}

/** One worker round as if the clock said `asOf` (a reminder a day ahead, a review request hours later). */
export function sendWhatIsDueAt(asOf: Date): void {
  runRoundAsOf(
    {
      supabaseUrl: e2eEnv.supabaseUrl,
      serviceRoleKey: e2eEnv.serviceRoleKey,
      smtpUrl: e2eEnv.smtpUrl,
      mailpitUrl: e2eEnv.mailpitUrl,
      portalUrl: e2eEnv.portalUrl,
      signingSecret: e2eEnv.notificationsSigningSecret,
    },
    asOf,
  )
}

/** One e-mail's HTML and plain-text parts. */
export async function caughtMail(
  id: string,
): Promise<{ Subject: string; HTML: string; Text: string }> {
  return getJson<{ Subject: string; HTML: string; Text: string }>(`/api/v1/message/${id}`)
}
