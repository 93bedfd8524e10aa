export * from './day-keys.ts'
export * from './format.ts'
export { type TimeZone, toInstant } from './zone.ts'
export * from './zoned-input.ts'
