export * from './contact-fields.ts'
export * from './duplicates.ts'
export * from './sources.ts'
export * from './tags.ts'
