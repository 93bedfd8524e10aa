export interface OutgoingSms {
  to: string
  body: string
  /** The notification's idempotency key: a provider that knows it sends the text once. */
  idempotencyKey: string
}

/** Where text messages go: the local catcher in development and tests, Twilio in production. */
export interface SmsProvider {
  readonly name: string
  send(sms: OutgoingSms): Promise<{ id: string }>
}

export class SmsRejectedError extends Error {
  constructor(
    message: string,
    /** True when sending again cannot succeed (a malformed number, say). */
    readonly permanent: boolean,
  ) {
    super(message)
  }
}
