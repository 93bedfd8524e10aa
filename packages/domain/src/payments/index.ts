export * from './payment-labels.ts'
export * from './payment-notices.ts'
