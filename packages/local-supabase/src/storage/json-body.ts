import type { IncomingMessage } from 'node:http'
import { BodyTooLargeError, InvalidJsonError, readJsonBody } from '../http/io.ts'
import { storageErrors } from './errors.ts'

/** A JSON object body (empty: `{}`); anything else is a 400 in Storage's shape. */
export async function readStorageJson(
  req: IncomingMessage,
  limit: number,
): Promise<Record<string, unknown>> {
  let value: unknown
  try {
    value = await readJsonBody(req, limit)
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw storageErrors.entityTooLarge('request body')
    if (error instanceof InvalidJsonError) throw storageErrors.badRequest(error.message)
    throw error
  }
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw storageErrors.badRequest('body must be object')
  }
  return value as Record<string, unknown>
}
