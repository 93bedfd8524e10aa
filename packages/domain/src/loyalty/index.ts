export * from './credits.ts'
export * from './loyalty-kind.ts'
export * from './loyalty-notices.ts'
export * from './points.ts'
