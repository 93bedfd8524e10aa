export * from './booking-wording.ts'
export * from './reschedule-policy.ts'
export * from './slot-days.ts'
