/**
 * True when an error means the database connection is gone or the server is unreachable
 * (refused, reset, terminated by an administrator, server shutting down or starting up), as
 * opposed to an error in the request itself. Callers answer those with 503 and retry later.
 */
export function isConnectionFailure(error: unknown): boolean {
  const { code, severity, message } = (error ?? {}) as { code?: unknown; severity?: unknown; message?: unknown }
  if (typeof code === 'string') {
    // Node socket errors: ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, …
    if (/^E[A-Z]+$/.test(code)) return true
    // Class 08 (connection exception), 57P01-57P05 (admin/crash shutdown, cannot connect now, …).
    if (code.startsWith('08') || /^57P0[1-5]$/.test(code)) return true
  }
  if (severity === 'FATAL' || severity === 'PANIC') return true
  return /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed|not queryable/i.test(
    String(message ?? ''),
  )
}
