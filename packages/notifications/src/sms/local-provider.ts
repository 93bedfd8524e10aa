import { type OutgoingSms, type SmsProvider, SmsRejectedError } from './provider.ts'

/** Posts texts to the local stack's catcher (`MAILPIT_URL`), which lists them beside the e-mails. */
export function createLocalSmsProvider(catcherUrl: string, from = 'local'): SmsProvider {
  return {
    name: 'local',
    async send(sms: OutgoingSms) {
      const response = await fetch(`${catcherUrl.replace(/\/+$/, '')}/api/v1/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          to: sms.to,
          body: sms.body,
          from,
          idempotency_key: sms.idempotencyKey,
        }),
      })
      if (!response.ok) {
        throw new SmsRejectedError(`SMS catcher answered ${response.status}`, response.status < 500)
      }
      const body = (await response.json()) as { ID?: unknown }
      return { id: typeof body.ID === 'string' ? body.ID : '' }
    },
  }
}
