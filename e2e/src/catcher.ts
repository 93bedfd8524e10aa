import { e2eEnv } from './env.ts'

// The stack's mail and SMS catcher (Mailpit's API), where the notification worker delivers; the
// Auth e-mails are in src/mailbox.ts.

export interface CaughtMail {
  ID: string
  Subject: string
}

/** The e-mails the catcher holds for an address, newest first. */
export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const response = await fetch(
    `${e2eEnv.mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:${address}`)}`,
  )
  if (!response.ok) throw new Error(`the catcher answered ${response.status}`)
  return ((await response.json()) as { messages: CaughtMail[] }).messages
}

/** One e-mail's HTML and plain-text parts. */
export async function caughtMail(
  id: string,
): Promise<{ Subject: string; HTML: string; Text: string }> {
  const response = await fetch(`${e2eEnv.mailpitUrl}/api/v1/message/${id}`)
  if (!response.ok) throw new Error(`the catcher answered ${response.status}`)
  return (await response.json()) as { Subject: string; HTML: string; Text: string }
}
