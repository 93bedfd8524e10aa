type Level = 'debug' | 'info' | 'warn' | 'error'

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** One JSON line per event, so server logs stay greppable; never logs secrets by design of callers. */
export function createLogger(scope: string, minLevel: Level = (process.env.LOG_LEVEL as Level) ?? 'info') {
  const emit = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (order[level] < (order[minLevel] ?? 20)) return
    const line = JSON.stringify({ time: new Date().toISOString(), level, scope, message, ...fields })
    if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`)
    else process.stdout.write(`${line}\n`)
  }
  return {
    debug: (message: string, fields?: Record<string, unknown>) => emit('debug', message, fields),
    info: (message: string, fields?: Record<string, unknown>) => emit('info', message, fields),
    warn: (message: string, fields?: Record<string, unknown>) => emit('warn', message, fields),
    error: (message: string, fields?: Record<string, unknown>) => emit('error', message, fields),
  }
}

export type Logger = ReturnType<typeof createLogger>
