import { fail } from './errors.ts'

/** GoTrue's `ban_duration`: "none" lifts a ban, otherwise a Go duration such as "24h" or "1h30m". */
export function banUntil(value: string, now = Date.now()): Date | null {
  if (value === 'none') return null
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) {
    throw fail(400, 'validation_failed', 'ban_duration must be "none" or a duration such as "24h"')
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (units[p[2] as string] as number), 0)
  return new Date(now + ms)
}
