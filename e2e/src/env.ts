/** Values the runner (src/run-e2e.ts) passes to Playwright. */
function required(name: string): string {
  const value = process.env[name]
  if (!value)
    throw new Error(`${name} is not set: run the e2e suite with \`pnpm --filter @repo/e2e test\``)
  return value
}

export const e2eEnv = {
  get portalUrl() {
    return required('PORTAL_URL')
  },
  get crmUrl() {
    return required('CRM_URL')
  },
  get supabaseUrl() {
    return required('SUPABASE_URL')
  },
  get anonKey() {
    return required('SUPABASE_ANON_KEY')
  },
  get serviceRoleKey() {
    return required('SUPABASE_SERVICE_ROLE_KEY')
  },
  /** The stack's mail and SMS catcher (Mailpit's API). */
  get mailpitUrl() {
    return required('MAILPIT_URL')
  },
  get smtpUrl() {
    return required('SMTP_URL')
  },
  get notificationsSigningSecret() {
    return required('NOTIFICATIONS_SIGNING_SECRET')
  },
}
