import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_BUILD } from 'next/constants'
import { assertServerEnv } from './src/env.ts'

const config: NextConfig = {
  transpilePackages: ['@repo/database', '@repo/domain', '@repo/realtime', '@repo/ui'],
  poweredByHeader: false,
  reactStrictMode: true,
}

export default function nextConfig(phase: string): NextConfig {
  // Fail fast with a readable message instead of a broken page at first request. A build needs no
  // stack (env is read per request), but `next start` / `next dev` must have one.
  if (phase !== PHASE_PRODUCTION_BUILD) assertServerEnv()
  return config
}
