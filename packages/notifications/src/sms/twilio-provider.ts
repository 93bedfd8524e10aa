import twilio from 'twilio'
import RequestClient from 'twilio/lib/base/RequestClient.js'
import { type OutgoingSms, type SmsProvider, SmsRejectedError } from './provider.ts'

export interface TwilioSettings {
  accountSid: string
  authToken: string
  /** A Twilio phone number in E.164, or … */
  from?: string
  /** … a Messaging Service SID (MG…), which picks the sender itself. One of the two. */
  messagingServiceSid?: string
  /**
   * Where the API lives (default Twilio's own hosts). Requests keep their path and go to this
   * origin instead: a Twilio-compatible proxy, or a local server in tests.
   */
  apiBaseUrl?: string
}

/**
 * Twilio error codes after which sending the same text again cannot succeed: invalid or
 * unreachable numbers, numbers that replied STOP, destinations the account may not reach.
 * https://www.twilio.com/docs/api/errors
 */
const PERMANENT_CODES = new Set([
  21211, 21212, 21214, 21217, 21219, 21408, 21601, 21610, 21612, 21614,
])

/**
 * What a refusal means for the outbox: 429 and 5xx (and no answer at all) are worth another try
 * later; a known "never" code, or any other 4xx (the request itself is wrong), is permanent,
 * except authentication failures (401/403), which a corrected setting fixes.
 */
export function twilioFailure(error: unknown): SmsRejectedError {
  const e = error as { status?: unknown; code?: unknown; message?: unknown }
  const status = typeof e?.status === 'number' ? e.status : null
  const code = typeof e?.code === 'number' ? e.code : null
  const message = typeof e?.message === 'string' ? e.message : String(error)
  if (status === null) return new SmsRejectedError(`Twilio unreachable: ${message}`, false)
  const permanent =
    (code !== null && PERMANENT_CODES.has(code)) ||
    (status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 429)
  return new SmsRejectedError(
    `Twilio answered ${status}${code !== null ? ` (error ${code})` : ''}: ${message}`,
    permanent,
  )
}

/** Sends every request of the SDK to another origin, through the SDK's own HTTP client. */
class RedirectingRequestClient extends RequestClient {
  constructor(private readonly origin: URL) {
    super()
  }
  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri)
    return super.request({ ...opts, uri: `${this.origin.origin}${uri.pathname}${uri.search}` })
  }
}

/** Texts through Twilio's Messages API with the official SDK (`messages.create`). */
export function createTwilioSmsProvider(settings: TwilioSettings): SmsProvider {
  if (!settings.from === !settings.messagingServiceSid) {
    throw new Error('Twilio needs exactly one of TWILIO_FROM and TWILIO_MESSAGING_SERVICE_SID')
  }
  const client = twilio(settings.accountSid, settings.authToken, {
    httpClient: settings.apiBaseUrl
      ? new RedirectingRequestClient(new URL(settings.apiBaseUrl))
      : undefined,
  })
  return {
    name: 'twilio',
    async send(sms: OutgoingSms) {
      try {
        const message = await client.messages.create({
          to: sms.to,
          body: sms.body,
          ...(settings.messagingServiceSid
            ? { messagingServiceSid: settings.messagingServiceSid }
            : { from: settings.from }),
        })
        return { id: message.sid }
      } catch (error) {
        throw twilioFailure(error)
      }
    },
  }
}
