import { fail } from './errors.ts'
import type { JsonObject } from './request.ts'

/**
 * `user_metadata` and `app_metadata` travel in every access token, and with @supabase/ssr the
 * token and the user travel again in the session cookie. Past a few KB a token no longer fits the
 * 16 KiB of request headers Node.js (the API, Next.js) accepts, and every request of that user
 * fails with 431. This limit keeps the session cookie of a user with the largest metadata below
 * about 12 KB.
 */
export const MAX_METADATA_BYTES = 3 * 1024

const byteSize = (value: JsonObject | null | undefined) =>
  Buffer.byteLength(JSON.stringify(value ?? {}))

/** Refuses metadata that would make the user's tokens too large to use (400 validation_failed). */
export function assertMetadataFits(
  userMetadata: JsonObject | null,
  appMetadata: JsonObject | null,
) {
  const size = byteSize(userMetadata) + byteSize(appMetadata)
  if (size > MAX_METADATA_BYTES) {
    throw fail(
      400,
      'validation_failed',
      `user_metadata and app_metadata together may hold at most ${MAX_METADATA_BYTES} bytes of JSON (this would be ${size}); keep larger data in your own tables`,
    )
  }
}
