import { type LogLevel, readLogLevel } from '@repo/database/env'

// One JSON line per event (stdout; warnings and errors on stderr), so server logs stay greppable in
// development and machine-readable in production. Callers log ids, never secrets or personal data.

export type LogFields = Record<string, unknown>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export interface LoggerOptions {
  /** Lowest level written; by default LOG_LEVEL, read at each call so a test can change it. */
  level?: LogLevel
  /** Where a line goes; by default stdout, or stderr for warnings and errors. */
  write?: (line: string, level: LogLevel) => void
}

function writeToProcess(line: string, level: LogLevel): void {
  const stream = level === 'error' || level === 'warn' ? process.stderr : process.stdout
  stream.write(`${line}\n`)
}

export function createLogger(scope: string, options: LoggerOptions = {}): Logger {
  const write = options.write ?? writeToProcess
  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    if (order[level] < order[options.level ?? readLogLevel()]) return
    write(
      JSON.stringify({ time: new Date().toISOString(), level, scope, message, ...fields }),
      level,
    )
  }
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  }
}

/** Turns an unknown thrown value into loggable fields without dumping huge objects. */
export function errorFields(error: unknown): LogFields {
  const fields: LogFields = {}
  if (error instanceof Error) {
    fields.error = error.message
    fields.name = error.name
  } else if (error && typeof error === 'object' && 'message' in error) {
    fields.error = String(error.message)
  } else {
    fields.error = String(error)
  }
  if (error && typeof error === 'object') {
    const { code, status } = error as { code?: unknown; status?: unknown }
    if (typeof code === 'string' && code !== '') fields.code = code
    if (typeof status === 'number') fields.status = status
  }
  return fields
}
