import { createHash } from 'node:crypto'
import type { EmailSender } from './email/smtp-sender.ts'
import { isPermanentSmtpError } from './email/smtp-sender.ts'
import { type SmsProvider, SmsRejectedError } from './sms/provider.ts'
import { renderEmail, renderSms } from './templates/index.ts'
import type { Logger, NotificationContext, OutboxRow, ServiceClient } from './types.ts'
import { silentLogger } from './types.ts'
import { createUnsubscribeToken, type NotificationGroup } from './unsubscribe.ts'
import { appLink } from './links.ts'

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
  /** Where unsubscribe links point (`<url>?token=…`) and the key that signs them; both or neither. */
  unsubscribe?: { url: string; secret: string }
  /** The customer portal (`{{link}}`, the e-mail's button, review forms); absent: no links. */
  portalUrl?: string
  /** The CRM (a staff digest's button); absent: no link. */
  crmUrl?: string
  /** How often a running worker enqueues due staff digests (default a minute; 0: never). */
  digestEveryMs?: number
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
  /** Claimed but nothing left to say (a digest whose notifications were all read). */
  withdrawn: number
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
  /** Enqueues the staff digests due at `now` (default: the database's now); the rows added. */
  enqueueDigests(now?: Date): Promise<number>
  /** Rounds until `stop()`; resolves when the current round is done. */
  start(): void
  stop(): Promise<void>
}

/** The same notification always gets the same Message-ID, resend or not. */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`
}

/** The portal page of the record a customer's notification is about. */
const PORTAL_PATHS: Record<string, string> = {
  jobs: 'appointments',
  quotes: 'quotes',
  invoices: 'invoices',
  payments: 'payments',
}

export function recordLink(
  row: Pick<OutboxRow, 'record_table' | 'record_id' | 'staff_member_id'>,
  urls: { portalUrl?: string; crmUrl?: string },
): string {
  if (row.staff_member_id) return appLink(urls.crmUrl, '/notifications')
  const path = PORTAL_PATHS[row.record_table]
  return appLink(urls.portalUrl, path ? `/${path}/${row.record_id}` : '')
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

  /** A digest's notifications still unread now; none means there is nothing to send. */
  async function digestItems(row: OutboxRow) {
    const { data, error } = await client.rpc('staff_digest_items', { p_id: row.id })
    if (error) throw new Error(`staff_digest_items: ${error.message}`)
    return data ?? []
  }

  /** Sends one row; the provider's id, or null when there is nothing left to send. */
  async function deliver(row: OutboxRow): Promise<string | null> {
    const { data, error } = await client.rpc('notification_context', { p_id: row.id })
    if (error) throw new Error(`notification context: ${error.message}`)
    const context = { ...contextOf(data), portalUrl: options.portalUrl }
    let payload = (row.payload ?? {}) as Record<string, unknown>
    if (row.event === 'staff_digest') {
      const items = await digestItems(row)
      if (items.length === 0) return null
      payload = { ...payload, items }
    }
    const link = recordLink(row, options)
    if (row.channel === 'sms') {
      const body = renderSms(row.event, payload, context, link)
      return (
        await options.sms.send({ to: row.recipient, body, idempotencyKey: row.idempotency_key })
      ).id
    }
    // Customers get a one-click unsubscribe; staff switch their digest off in the CRM.
    const unsubscribeUrl =
      options.unsubscribe && row.customer_id
        ? `${options.unsubscribe.url}?token=${createUnsubscribeToken(
            {
              customerId: row.customer_id,
              group: row.event_group as NotificationGroup,
              channel: 'email',
            },
            options.unsubscribe.secret,
          )}`
        : undefined
    const mail = await renderEmail(row.event, payload, context, { unsubscribeUrl, link })
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

  async function handle(
    row: OutboxRow,
  ): Promise<'sent' | 'retried' | 'dead' | 'withdrawn' | 'lost'> {
    let providerId: string | null
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
    if (providerId === null) {
      const { data, error } = await client.rpc('withdraw_notification', {
        p_id: row.id,
        p_attempt: row.attempts,
        p_reason: 'nothing unread any more',
      })
      if (error) throw new Error(`withdraw_notification: ${error.message}`)
      return data ? 'withdrawn' : 'lost'
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
      withdrawn: outcomes.filter((o) => o === 'withdrawn').length,
    }
  }

  /** Puts due staff digests in the queue (the database decides who is due and has news). */
  async function enqueueDigests(now?: Date): Promise<number> {
    const { data, error } = await client.rpc(
      'enqueue_staff_digests',
      now ? { p_now: now.toISOString() } : {},
    )
    if (error) throw new Error(`enqueue_staff_digests: ${error.message}`)
    return data ?? 0
  }
  const digestEveryMs = options.digestEveryMs ?? 60_000
  let lastDigestRun = 0

  let running: Promise<void> | null = null
  let stopping = false
  return {
    runOnce,
    enqueueDigests,
    start() {
      if (running) return
      stopping = false
      running = (async () => {
        while (!stopping) {
          let result: RoundResult | null = null
          try {
            if (digestEveryMs > 0 && Date.now() - lastDigestRun >= digestEveryMs) {
              lastDigestRun = Date.now()
              await enqueueDigests()
            }
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
