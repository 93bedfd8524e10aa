import { NotFoundError, PermissionError, RepositoryError, ValidationError } from '@repo/database/repositories'

/** What a customer reads when a repository call fails: plain words, no internals. */
export function friendlyError(error: unknown, fallback: string): string {
  if (error instanceof NotFoundError) return 'That item is no longer available.'
  if (error instanceof PermissionError) return 'You are not allowed to do that.'
  if (error instanceof ValidationError) return fallback
  // Database functions raise readable messages (e.g. the cancellation policy, the points balance).
  if (error instanceof RepositoryError && error.code === 'P0001') return error.message.replace(/^.*? failed: /, '')
  return fallback
}
