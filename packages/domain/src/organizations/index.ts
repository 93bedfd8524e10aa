export * from './regions.ts'
export * from './setup-checklist.ts'
export * from './accent-colour.ts'
