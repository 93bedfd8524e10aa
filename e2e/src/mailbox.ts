import { e2eEnv } from './env.ts'

interface Mail {
  to: string
  type: string
  subject: string
  /** Auth's own /verify link (GoTrue's ConfirmationURL). */
  link: string
  /** The links in the rendered body, from supabase/templates. */
  links: string[]
  token_hash: string
  /** The rendered body. */
  html: string
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

/**
 * The link the reader of the mail clicks: the first one in the body the project's template
 * rendered, which must lead to the app it was sent for (the portal unless said otherwise).
 */
export function linkInMail(mail: Mail, app: 'portal' | 'crm' = 'portal'): string {
  const link = mail.links[0]
  const expected = `${app === 'crm' ? e2eEnv.crmUrl : e2eEnv.portalUrl}/auth/confirm?token_hash=`
  if (!link?.startsWith(expected)) throw new Error(`the ${mail.type} mail links to ${link}, not ${expected}…`)
  return link
}
