export * from './notification-preferences.ts'
export * from './staff-notifications.ts'
