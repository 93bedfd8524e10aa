import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from '../http/io.ts'

/** The API version auth-js announces; when a request carries it, errors use the newer shape. */
export const API_VERSION_HEADER = 'x-supabase-api-version'
export const API_VERSION_2024 = '2024-01-01'

/** A GoTrue error: HTTP status, machine-readable `error_code`, human message. */
export class AuthApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    /** Keep the transaction's writes although the request fails (e.g. revoking a replayed token). */
    readonly keepWrites = false,
  ) {
    super(message)
  }
}

export const fail = (
  status: number,
  code: string,
  message: string,
  extra?: Record<string, unknown>,
) => new AuthApiError(status, code, message, extra)

/** Headers every auth response carries: auth-js reads the echoed API version to parse errors. */
export function versionHeaders(req: IncomingMessage): Record<string, string> {
  const requested = req.headers[API_VERSION_HEADER]
  return requested === API_VERSION_2024 ? { [API_VERSION_HEADER]: API_VERSION_2024 } : {}
}

/** Writes an error the way GoTrue does for the API version the client asked for. */
export function sendAuthError(
  req: IncomingMessage,
  res: ServerResponse,
  error: AuthApiError,
): void {
  const headers = versionHeaders(req)
  const body = headers[API_VERSION_HEADER]
    ? { code: error.errorCode, message: error.message, ...error.extra }
    : { code: error.status, error_code: error.errorCode, msg: error.message, ...error.extra }
  sendJson(res, error.status, body, headers)
}
