/** Counts failed password attempts per e-mail in a fixed window (in memory, per process). */
export interface AttemptLimiter {
  /** True while the address still has attempts left in the current window. */
  allowed(key: string): boolean
  recordFailure(key: string): void
  reset(key: string): void
}

export function createAttemptLimiter(
  maxAttempts: number,
  windowMs: number,
  now: () => number = Date.now,
): AttemptLimiter {
  const windows = new Map<string, { start: number; failures: number }>()
  const current = (key: string) => {
    const entry = windows.get(key)
    if (!entry || now() - entry.start >= windowMs) return null
    return entry
  }
  return {
    allowed: (key) => (current(key)?.failures ?? 0) < maxAttempts,
    recordFailure(key) {
      const entry = current(key)
      if (entry) entry.failures += 1
      else windows.set(key, { start: now(), failures: 1 })
      // Keep memory bounded: forget expired windows now and then.
      if (windows.size > 10_000) {
        for (const [k] of windows) if (!current(k)) windows.delete(k)
      }
    },
    reset: (key) => void windows.delete(key),
  }
}
