import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    // The checkout test starts its own stack (its webhook URL points at the test's server).
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
})
