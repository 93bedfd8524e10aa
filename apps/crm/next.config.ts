import type { NextConfig } from 'next'

const config: NextConfig = {
  // Internal packages ship TypeScript source; the app compiles them.
  transpilePackages: ['@repo/database', '@repo/domain', '@repo/realtime', '@repo/ui'],
  poweredByHeader: false,
  typedRoutes: false,
}

export default config
