export { createSmtpSender, type EmailSender, type OutgoingEmail } from './email/smtp-sender.ts'
export { createLocalSmsProvider } from './sms/local-provider.ts'
export type { OutgoingSms, SmsProvider } from './sms/provider.ts'
export { SmsRejectedError } from './sms/provider.ts'
export {
  createTwilioSmsProvider,
  type TwilioSettings,
  twilioFailure,
} from './sms/twilio-provider.ts'
export type * from './types.ts'
export {
  applyUnsubscribeToken,
  createUnsubscribeToken,
  type NotificationGroup,
  preferenceKey,
  type UnsubscribeClaim,
  verifyUnsubscribeToken,
} from './unsubscribe.ts'
export {
  createWorker,
  messageIdFor,
  type RoundOptions,
  recordLink,
  type RoundResult,
  type Worker,
  type WorkerOptions,
} from './worker.ts'
