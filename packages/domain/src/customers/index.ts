export * from './contact-fields.ts'
