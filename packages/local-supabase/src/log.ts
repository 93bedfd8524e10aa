import type { StackConfig } from './config.ts'

export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  child(scope: string): Logger
}

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const

/** One line per event on stderr, so stdout stays free for `NAME=value` output. */
export function createLogger(level: StackConfig['logLevel'], scope = 'stack'): Logger {
  const threshold = levels[level]
  const write = (lvl: keyof typeof levels, msg: string, fields?: LogFields) => {
    if (levels[lvl] < threshold) return
    const extra = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''
    process.stderr.write(`${new Date().toISOString()} ${lvl.padEnd(5)} [${scope}] ${msg}${extra}\n`)
  }
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (s) => createLogger(level, `${scope}:${s}`),
  }
}
