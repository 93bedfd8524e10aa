// Friendly toasts for significant changes (sonner): both apps render sonner's <Toaster />.
export * from './describe-change.ts'
export * from './notify-change.ts'
