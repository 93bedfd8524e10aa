import { e2eEnv } from './env.ts'

interface Mail {
  to: string
  type: string
  token_hash: string
  created_at: string
}

/** The newest mail of a type the local stack recorded for an address (no mail leaves the machine). */
export async function latestMail(email: string, type: string): Promise<Mail> {
  const response = await fetch(`${e2eEnv.supabaseUrl}/auth/v1/_mailbox?email=${encodeURIComponent(email)}`)
  if (!response.ok) throw new Error(`mailbox answered ${response.status}`)
  const mails = ((await response.json()) as Mail[]).filter((m) => m.type === type)
  const mail = mails.at(-1)
  if (!mail) throw new Error(`no ${type} mail for ${email}`)
  return mail
}

/** The link the portal's e-mail templates point at: /auth/confirm with the token hash. */
export function confirmLink(mail: Mail, next?: string): string {
  const params = new URLSearchParams({ token_hash: mail.token_hash, type: mail.type })
  if (next) params.set('next', next)
  return `${e2eEnv.portalUrl}/auth/confirm?${params}`
}
