export * from './csv.ts'
export * from './exports.ts'
