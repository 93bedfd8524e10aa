import { chmod, mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  type AuthRateLimits,
  PAYMENTS_WEBHOOK_SECRET_DEFAULT,
  type StackConfigInput,
} from '../config.ts'
import { createLogger } from '../log.ts'
import { startStack, type Stack, type StartOptions } from '../stack.ts'

/**
 * A temp folder the `postgres` OS user can enter (mkdtemp makes 0700 ones), so that when tests run
 * as root the cluster lives inside it and is removed with it, instead of under /var/lib.
 */
export async function tempDir(prefix = 'local-supabase-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix))
  await chmod(dir, 0o755)
  return dir
}

/** Asks the OS for a free TCP port on loopback. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * Every request of a test run comes from one loopback address, so test stacks raise the auth
 * rate limits out of reach; a test of the limits passes `config.rateLimits` (and, to speak from
 * several addresses, `config.trustedProxies` with `X-Forwarded-For`).
 */
export const TEST_RATE_LIMITS: AuthRateLimits = {
  burst: 1_000_000,
  tokenRefresh: 1_000_000,
  signInSignUps: 1_000_000,
  tokenVerifications: 1_000_000,
  anonymousUsers: 1_000_000,
  passwordFailures: 1_000_000,
}

export interface TestStackOptions extends StartOptions {
  config?: StackConfigInput
  /** Keep the data directory after stop (default: removed). */
  keepData?: boolean
}

export interface TestStack extends Stack {
  dataDir: string
}

/**
 * A private stack for one test run: fresh cluster in a temp dir, random free ports, quiet logs,
 * auth rate limits out of reach (see TEST_RATE_LIMITS). By default it applies the project's
 * migrations; pass `config.migrationsDir` to use others. Browser origins allowed by CORS are the
 * defaults (the apps on localhost:3000/3001): pass `config.corsAllowedOrigins` for apps elsewhere.
 * The payments service delivers no webhooks unless `config.paymentsWebhookUrl` is given; its
 * events are signed with `config.paymentsWebhookSecret` (default: the well-known local secret).
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const dataDir = options.config?.dataDir ?? (await tempDir())
  const level = (process.env.LOCAL_SUPABASE_TEST_LOG_LEVEL as 'debug' | 'info' | undefined) ?? 'warn'
  const stack = await startStack(
    {
      apiPort: 0,
      mailPort: 0,
      smtpPort: 0,
      dbPort: await freePort(),
      // Tests must not pick up a developer's DATABASE_URL (or payments webhook) by accident.
      databaseUrl: null,
      paymentsWebhookUrl: null,
      paymentsWebhookSecret: PAYMENTS_WEBHOOK_SECRET_DEFAULT,
      logLevel: level,
      ...options.config,
      rateLimits: { ...TEST_RATE_LIMITS, ...options.config?.rateLimits },
      dataDir,
    },
    { logger: options.logger ?? createLogger(level, 'test-stack'), ...options },
  )
  return {
    ...stack,
    dataDir,
    stop: async () => {
      await stack.stop()
      if (!options.keepData && !options.config?.dataDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** For vitest globalSetup files: the values test files read with `inject()`. */
export type TestStackEnv = Stack['info']
