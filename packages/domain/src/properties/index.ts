export * from './address.ts'
export * from './property-state.ts'
