import { createHash } from 'node:crypto'
import type { EmailSender } from './email/smtp-sender.ts'
import { isPermanentSmtpError } from './email/smtp-sender.ts'
import { type SmsProvider, SmsRejectedError } from './sms/provider.ts'
import { renderEmail, renderSms } from './templates/index.ts'
import type { Logger, NotificationContext, OutboxRow, ServiceClient } from './types.ts'
import { silentLogger } from './types.ts'
import { createUnsubscribeToken, type NotificationGroup } from './unsubscribe.ts'

export interface WorkerOptions {
  /** A service-role client (the queue's functions are granted to the service role only). */
  client: ServiceClient
  email: EmailSender
  sms: SmsProvider
  /** Rows claimed (and sent concurrently) per round. */
  batchSize?: number
  /** How long a claimed row stays this worker's; after that another worker may take it. */
  leaseSeconds?: number
  /** Pause between rounds that found nothing to do. */
  idleMs?: number
  /** The customer portal, for the links in messages (appointment page, review form). */
  portalUrl?: string
  /** Where unsubscribe links point (`<url>?token=…`) and the key that signs them; both or neither. */
  unsubscribe?: { url: string; secret: string }
  /** Domain of the Message-IDs (default: the sender address's domain). */
  messageIdDomain: string
  log?: Logger
  /** Runs after the provider accepted a message and before it is marked sent (tests, metrics). */
  afterSend?: (row: OutboxRow) => Promise<void> | void
}

export interface RoundResult {
  claimed: number
  sent: number
  retried: number
  dead: number
}

export interface RoundOptions {
  /**
   * Claim as if it were this time (rows due by then). Only tests and the e2e runner move the
   * clock; the running worker always claims what is due now.
   */
  asOf?: Date
}

export interface Worker {
  /** One round: claim due rows, send them, record each outcome. */
  runOnce(round?: RoundOptions): Promise<RoundResult>
  /** Rounds until `stop()`; resolves when the current round is done. */
  start(): void
  stop(): Promise<void>
}

/** The same notification always gets the same Message-ID, resend or not. */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`
}

function contextOf(value: unknown): NotificationContext {
  const v = value as NotificationContext | null
  if (!v?.organization || !v.customer) throw new Error('notification context is missing')
  return v
}

export function createWorker(options: WorkerOptions): Worker {
  const log = options.log ?? silentLogger
  const batchSize = options.batchSize ?? 20
  const leaseSeconds = options.leaseSeconds ?? 60
  const idleMs = options.idleMs ?? 500
  const { client } = options

  async function deliver(row: OutboxRow): Promise<string> {
    const { data, error } = await client.rpc('notification_context', { p_id: row.id })
    if (error) throw new Error(`notification context: ${error.message}`)
    const context = { ...contextOf(data), portalUrl: options.portalUrl }
    const payload = (row.payload ?? {}) as Record<string, unknown>
    if (row.channel === 'sms') {
      const body = renderSms(row.event, payload, context)
      return (
        await options.sms.send({ to: row.recipient, body, idempotencyKey: row.idempotency_key })
      ).id
    }
    const unsubscribeUrl = options.unsubscribe
      ? `${options.unsubscribe.url}?token=${createUnsubscribeToken(
          {
            customerId: row.customer_id,
            group: row.event_group as NotificationGroup,
            channel: 'email',
          },
          options.unsubscribe.secret,
        )}`
      : undefined
    const mail = await renderEmail(row.event, payload, context, unsubscribeUrl)
    const headers: Record<string, string> = { 'X-Notification-Key': row.idempotency_key }
    if (unsubscribeUrl) {
      // RFC 8058 one-click: mail clients POST to the link without opening it.
      headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
    }
    const sent = await options.email.send({
      to: row.recipient,
      fromName: context.organization.name,
      replyTo: context.organization.email,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: messageIdFor(row.idempotency_key, options.messageIdDomain),
      headers,
    })
    return sent.messageId
  }

  async function handle(row: OutboxRow): Promise<'sent' | 'retried' | 'dead' | 'lost'> {
    let providerId: string
    try {
      providerId = await deliver(row)
    } catch (error) {
      const permanent =
        isPermanentSmtpError(error) || (error instanceof SmsRejectedError && error.permanent)
      const message = error instanceof Error ? error.message : String(error)
      const { data, error: failError } = await client.rpc('fail_notification', {
        p_id: row.id,
        p_attempt: row.attempts,
        p_error: message,
        p_permanent: permanent,
      })
      if (failError) throw new Error(`fail_notification: ${failError.message}`)
      const status = data as unknown as string | null
      log.warn('notification not sent', {
        id: row.id,
        event: row.event,
        channel: row.channel,
        status,
        error: message,
      })
      return status === 'dead' ? 'dead' : status === 'pending' ? 'retried' : 'lost'
    }
    await options.afterSend?.(row)
    const { data, error } = await client.rpc('complete_notification', {
      p_id: row.id,
      p_attempt: row.attempts,
      p_provider_message_id: providerId,
    })
    if (error) throw new Error(`complete_notification: ${error.message}`)
    log.info('notification sent', { id: row.id, event: row.event, channel: row.channel })
    return data ? 'sent' : 'lost'
  }

  async function runOnce(round: RoundOptions = {}): Promise<RoundResult> {
    const { data, error } = await client.rpc('claim_notifications', {
      p_limit: batchSize,
      p_lease_seconds: leaseSeconds,
      ...(round.asOf ? { p_as_of: round.asOf.toISOString() } : {}),
    })
    if (error) throw new Error(`claim_notifications: ${error.message}`)
    const rows = data ?? []
    // Every row's outcome is recorded before an unexpected error ends the round.
    const settled = await Promise.allSettled(rows.map(handle))
    const failure = settled.find((s) => s.status === 'rejected')
    if (failure) throw failure.reason
    const outcomes = settled.map((s) => (s.status === 'fulfilled' ? s.value : 'lost'))
    return {
      claimed: rows.length,
      sent: outcomes.filter((o) => o === 'sent').length,
      retried: outcomes.filter((o) => o === 'retried').length,
      dead: outcomes.filter((o) => o === 'dead').length,
    }
  }

  let running: Promise<void> | null = null
  let stopping = false
  return {
    runOnce,
    start() {
      if (running) return
      stopping = false
      running = (async () => {
        while (!stopping) {
          let result: RoundResult | null = null
          try {
            result = await runOnce()
          } catch (error) {
            log.error('notification round failed', { error: (error as Error).message })
          }
          // A full batch means more may be waiting: go again at once.
          if (!stopping && (result?.claimed ?? 0) < batchSize)
            await new Promise((r) => setTimeout(r, idleMs))
        }
      })()
    },
    async stop() {
      stopping = true
      await running
      running = null
    },
  }
}
