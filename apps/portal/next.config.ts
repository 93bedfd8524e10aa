import { checkEnv } from '@repo/database/env'
import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_BUILD } from 'next/constants'

const config: NextConfig = {
  transpilePackages: ['@repo/actions', '@repo/database', '@repo/domain', '@repo/payments', '@repo/realtime', '@repo/ui'],
  poweredByHeader: false,
  reactStrictMode: true,
}

export default function nextConfig(phase: string): NextConfig {
  // Env is read per request, so a build needs no stack; it still refuses malformed values. Start
  // and dev need every variable, and fail with a message naming each one that is missing.
  checkEnv(['supabaseUrl', 'anonKey', 'logLevel'], { phase: phase === PHASE_PRODUCTION_BUILD ? 'build' : 'start' })
  return config
}
