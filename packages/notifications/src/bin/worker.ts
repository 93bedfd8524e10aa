// The notification worker: `pnpm --filter @repo/notifications start` (started by `pnpm dev`).
// Reads its settings from the environment; see docs/NOTIFICATIONS.md.
// `--once [--as-of <ISO time>]` runs one round and exits: the e2e stories use it to send what is
// due at a later time (a reminder a day ahead) without waiting a day.
import { parseArgs } from 'node:util'
import { createClient } from '@supabase/supabase-js'
import type { Database } from '@repo/database/types'
import { createSmtpSender } from '../email/smtp-sender.ts'
import { createLocalSmsProvider } from '../sms/local-provider.ts'
import type { SmsProvider } from '../sms/provider.ts'
import { createTwilioSmsProvider } from '../sms/twilio-provider.ts'
import { consoleLogger } from '../types.ts'
import { createWorker } from '../worker.ts'

function required(name: string, ...fallbacks: string[]): string {
  for (const key of [name, ...fallbacks]) {
    const value = process.env[key]
    if (value) return value
  }
  throw new Error(`${name} is not set (the notification worker needs it)`)
}

const url = required('SUPABASE_URL', 'NEXT_PUBLIC_SUPABASE_URL')
const key = required('SUPABASE_SECRET_KEY', 'SUPABASE_SERVICE_ROLE_KEY')
const fromAddress = process.env.NOTIFICATIONS_FROM ?? 'notifications@localhost'

/** `SMS_PROVIDER=local` (the catcher, the default) or `twilio` (production). */
function smsProvider(): SmsProvider {
  const name = process.env.SMS_PROVIDER ?? 'local'
  if (name === 'local')
    return createLocalSmsProvider(process.env.MAILPIT_URL ?? 'http://127.0.0.1:54324')
  if (name === 'twilio') {
    return createTwilioSmsProvider({
      accountSid: required('TWILIO_ACCOUNT_SID'),
      authToken: required('TWILIO_AUTH_TOKEN'),
      from: process.env.TWILIO_FROM || undefined,
      messagingServiceSid: process.env.TWILIO_MESSAGING_SERVICE_SID || undefined,
    })
  }
  throw new Error(
    `SMS_PROVIDER=${name} is unknown: use "local" or "twilio" (docs/NOTIFICATIONS.md)`,
  )
}
const unsubscribeSecret = process.env.NOTIFICATIONS_SIGNING_SECRET
const portalUrl = process.env.PORTAL_URL ?? 'http://localhost:3001'

const { values: args } = parseArgs({
  options: { once: { type: 'boolean', default: false }, 'as-of': { type: 'string' } },
})
const asOf = args['as-of'] ? new Date(args['as-of']) : undefined
if (asOf && Number.isNaN(asOf.getTime())) throw new Error(`--as-of ${args['as-of']} is not a time`)
if (asOf && !args.once)
  throw new Error('--as-of goes with --once: the running worker claims what is due now')

const worker = createWorker({
  client: createClient<Database>(url, key, {
    auth: { persistSession: false, autoRefreshToken: false },
  }),
  email: createSmtpSender({ url: process.env.SMTP_URL ?? 'smtp://127.0.0.1:54325', fromAddress }),
  sms: smsProvider(),
  portalUrl,
  crmUrl: process.env.CRM_URL ?? 'http://localhost:3000',
  messageIdDomain: fromAddress.split('@')[1] ?? 'localhost',
  unsubscribe: unsubscribeSecret
    ? { url: `${portalUrl}/unsubscribe`, secret: unsubscribeSecret }
    : undefined,
  log: consoleLogger,
})
if (args.once) {
  const result = await worker.runOnce({ asOf })
  consoleLogger.info('notification round done', { ...result, asOf: asOf?.toISOString() })
  process.exit(0)
}
worker.start()
consoleLogger.info('notification worker started', { supabase: url })

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void worker.stop().then(() => process.exit(0))
  })
}
