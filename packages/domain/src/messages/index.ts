export { MAX_MESSAGE_CHARS } from '@repo/database/limits'
export * from './message-length.ts'
export * from './message-notices.ts'
export * from './message-sender.ts'
