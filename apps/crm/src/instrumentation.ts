// Runs once when the server starts (next.config has already checked the env).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // Imported lazily so the edge bundle never pulls in Node-only modules.
  const { readPublicEnv, readPortalUrl } = await import('@repo/database/env')
  const { createLogger } = await import('@repo/actions/logger')
  createLogger('crm').info('server starting', { supabaseUrl: readPublicEnv().url, portalUrl: readPortalUrl() })
}
