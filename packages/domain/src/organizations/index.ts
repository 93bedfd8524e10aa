export * from './regions.ts'
