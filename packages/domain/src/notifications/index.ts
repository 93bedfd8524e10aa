export * from './notification-preferences.ts'
export * from './staff-notifications.ts'
export * from './delivery-preferences.ts'
export * from './deliveries.ts'
