import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One stack per run; files share it but never share rows (each creates its own users/tables).
    fileParallelism: true,
    maxWorkers: 2,
  },
})
