export * from './quote-notices.ts'
export * from './quote-options.ts'
export * from './quote-status.ts'
export * from './quote-staff.ts'
