export * from './attachment-kinds.ts'
export * from './attachment-notices.ts'
