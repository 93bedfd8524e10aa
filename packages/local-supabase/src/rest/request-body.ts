import type { IncomingMessage } from 'node:http'
import {
  BodyTooLargeError,
  InvalidJsonError,
  JsonTextError,
  JsonTooDeepError,
  readJsonBody,
} from '../http/io.ts'
import { RestError } from './errors.ts'

/** The body's media type without parameters; none at all is JSON, as in PostgREST. */
export function bodyMediaType(req: IncomingMessage): string {
  const header = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
  return header || 'application/json'
}

export function bodyRefusal(error: unknown): unknown {
  if (error instanceof BodyTooLargeError) {
    return new RestError(
      413,
      'PGRST102',
      error.message,
      null,
      'Send a smaller body or raise maxBodyBytes',
    )
  }
  if (error instanceof JsonTooDeepError) {
    return new RestError(
      400,
      'PGRST102',
      error.message,
      null,
      `Send at most ${error.limit} levels of nested arrays and objects`,
    )
  }
  if (error instanceof JsonTextError) {
    return new RestError(
      400,
      'PGRST102',
      error.message,
      null,
      error.problem === 'nul'
        ? 'Remove the NUL characters (binary data goes in a bytea column, hex-encoded)'
        : 'Send well-formed Unicode: every \\ud800-\\udbff escape followed by a \\udc00-\\udfff one',
    )
  }
  if (error instanceof InvalidJsonError) {
    return new RestError(400, 'PGRST102', 'Empty or invalid json', error.message)
  }
  return error
}

/**
 * The JSON body of a write or rpc call. Only JSON is read (PostgREST's CSV, form and raw bodies are
 * not implemented); what the JSON reader refuses is a 400 PGRST102 before any SQL.
 */
export async function readRestBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = bodyMediaType(req)
  if (type !== 'application/json') {
    req.resume()
    throw new RestError(
      400,
      'PGRST102',
      `Content-Type not acceptable: ${type}`,
      null,
      'Send the body as application/json',
    )
  }
  try {
    return await readJsonBody(req, limit, { rejectUnstorableText: true })
  } catch (error) {
    throw bodyRefusal(error)
  }
}
