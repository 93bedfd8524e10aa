export * from './cancellation-policy.ts'
export * from './job-notices.ts'
export * from './job-status.ts'
export * from './job-timeline.ts'
