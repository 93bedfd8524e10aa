export * from './message-notices.ts'
export * from './message-sender.ts'
