export * from './invoice-actions.ts'
export * from './invoice-notices.ts'
export * from './invoice-status.ts'
