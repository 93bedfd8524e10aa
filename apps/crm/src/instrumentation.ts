// Runs once when the server starts: a misconfigured deployment fails fast with a readable message.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // Imported lazily so the edge bundle never pulls in Node-only modules.
  const { readServerEnv } = await import('./lib/env.ts')
  const { createLogger } = await import('./lib/logger.ts')
  const env = readServerEnv()
  createLogger('crm').info('server starting', { supabaseUrl: env.supabaseUrl, portalUrl: env.portalUrl })
}
