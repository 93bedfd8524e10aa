export * from './format-cents.ts'
export * from './parse-money.ts'
export * from './tax.ts'
