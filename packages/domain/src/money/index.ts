export * from './format-cents.ts'
