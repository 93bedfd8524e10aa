export {
  type AuthRateLimits,
  DEFAULT_RATE_LIMITS,
  PAYMENTS_WEBHOOK_SECRET_DEFAULT,
  databaseUrlFor,
  resolveConfig,
  type StackConfig,
  type StackConfigInput,
} from './config.ts'
export {
  DEFAULT_ANON_KEY,
  DEFAULT_JWT_SECRET,
  DEFAULT_PUBLISHABLE_KEY,
  DEFAULT_SECRET_KEY,
  DEFAULT_SERVICE_ROLE_KEY,
  apiKeysFor,
} from './keys.ts'
export { parseSigningKeys, type SigningKeyJwk } from './signing-keys.ts'
export { startStack, type Stack, type StackInfo, type StartOptions } from './stack.ts'
export { applyMigrations, applySeed, listMigrations, MigrationError } from './db/migrations.ts'
export { applyBootstrap } from './db/bootstrap.ts'
