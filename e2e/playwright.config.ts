import { defineConfig, devices } from '@playwright/test'

const ci = Boolean(process.env.CI)

// Playwright's own browser download cannot work here: use the system chromium.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}

export default defineConfig({
  testMatch: '**/*.e2e.ts',
  // The runner names the folder per app selection so concurrent runs do not wipe each other's traces.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/artifacts',
  // Two shared cores: one worker, specs kept few and story-shaped.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  timeout: 45_000,
  // A server action can take several seconds on two cores while the rest of the suite runs.
  expect: { timeout: 10_000 },
  reporter: ci ? [['list'], ['json', { outputFile: 'test-results/report.json' }]] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [
    {
      name: 'portal',
      testDir: './portal',
      // Customers are mostly on phones: the portal is tested at 375 px.
      use: { ...devices['Desktop Chrome'], viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, launchOptions },
    },
    {
      name: 'crm',
      testDir: './crm',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions },
    },
  ],
})
