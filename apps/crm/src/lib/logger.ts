// A tiny structured logger: one JSON line per event, so logs stay greppable in dev and machine-readable in prod.
type Level = 'debug' | 'info' | 'warn' | 'error'
type Fields = Record<string, unknown>

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

function threshold(): number {
  const wanted = process.env.LOG_LEVEL as Level | undefined
  return order[wanted ?? 'info'] ?? order.info
}

function write(level: Level, scope: string, message: string, fields?: Fields): void {
  if (order[level] < threshold()) return
  const line = JSON.stringify({ time: new Date().toISOString(), level, scope, message, ...fields })
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`)
  else process.stdout.write(`${line}\n`)
}

export interface Logger {
  debug(message: string, fields?: Fields): void
  info(message: string, fields?: Fields): void
  warn(message: string, fields?: Fields): void
  error(message: string, fields?: Fields): void
}

export function createLogger(scope: string): Logger {
  return {
    debug: (m, f) => write('debug', scope, m, f),
    info: (m, f) => write('info', scope, m, f),
    warn: (m, f) => write('warn', scope, m, f),
    error: (m, f) => write('error', scope, m, f),
  }
}

/** Turns an unknown thrown value into loggable fields without leaking huge objects. */
export function errorFields(error: unknown): Fields {
  if (error instanceof Error) return { error: error.message, name: error.name }
  if (error && typeof error === 'object' && 'message' in error) return { error: String(error.message) }
  return { error: String(error) }
}
