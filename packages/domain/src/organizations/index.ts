export * from './regions.ts'
export * from './setup-checklist.ts'
