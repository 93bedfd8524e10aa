import { checkEnv } from '@repo/database/env'
import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_BUILD } from 'next/constants'

const config: NextConfig = {
  // Internal packages ship TypeScript source; the app compiles them.
  // @react-pdf/renderer (under @repo/documents) must stay external, never bundled: bundled, it
  // meets the react-server build of React and fails at render. Next 16 keeps it external by itself
  // (its built-in serverExternalPackages list names it), so it is not listed here.
  transpilePackages: [
    '@repo/actions',
    '@repo/database',
    '@repo/documents',
    '@repo/domain',
    '@repo/notifications',
    '@repo/payments',
    '@repo/realtime',
    '@repo/ui',
  ],
  // The template preview renders e-mails with the notification worker's own code; bundled into the
  // server-components layer, @react-email/render would meet the react-server build of react-dom,
  // which refuses to render. Loaded by Node, it gets the ordinary one.
  serverExternalPackages: ['@react-email/render'],
  poweredByHeader: false,
  typedRoutes: false,
}

export default function nextConfig(phase: string): NextConfig {
  // Env is read per request, so a build needs no stack; it still refuses malformed values. Start
  // and dev need every variable, and fail with a message naming each one that is missing.
  checkEnv(['supabaseUrl', 'anonKey', 'serviceRoleKey', 'portalUrl', 'crmUrl', 'logLevel'], {
    phase: phase === PHASE_PRODUCTION_BUILD ? 'build' : 'start',
  })
  return config
}
