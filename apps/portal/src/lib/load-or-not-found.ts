import { NotFoundError, ValidationError } from '@repo/database/repositories'
import { notFound } from 'next/navigation'

/**
 * Runs a loader for a record named in the URL. A malformed id, a missing row and another
 * customer's row (hidden by RLS) all end in the same 404, so nothing leaks.
 */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ValidationError) notFound()
    throw error
  }
}
