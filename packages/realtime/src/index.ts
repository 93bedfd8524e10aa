// @repo/realtime: core (no React), hooks, status components and the toast helper.
export * from './components/index.ts'
export * from './core/index.ts'
export * from './hooks/index.ts'
export * from './toast/index.ts'
