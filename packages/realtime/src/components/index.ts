// Status and notification components (Tailwind classes: apps add this package to `@source`).
export * from './connection-status.tsx'
export * from './multi-subscription-status.tsx'
export * from './realtime-notification.tsx'
