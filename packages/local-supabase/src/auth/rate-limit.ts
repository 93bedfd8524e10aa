/**
 * Token buckets per key (in memory, per process), shaped like GoTrue's: a bucket holds up to
 * `burst` tokens and refills `perWindow` tokens evenly over `windowMs`. Taking a token is one
 * synchronous step, so a request reserves its attempt before anything is awaited and concurrent
 * requests can never be let through beyond what the bucket holds.
 */
export interface TokenBuckets {
  /** Takes a token for `key` if one is left: true when the request may go on. */
  take(key: string): boolean
  /** Returns a token taken by a request that turned out not to count (a correct password). */
  giveBack(key: string): void
}

export interface BucketShape {
  burst: number
  perWindow: number
  windowMs: number
}

interface Bucket {
  tokens: number
  at: number
}

export function createTokenBuckets(
  shape: BucketShape,
  now: () => number = Date.now,
  maxKeys = 100_000,
): TokenBuckets {
  const buckets = new Map<string, Bucket>()
  const ratePerMs = shape.perWindow / shape.windowMs

  const current = (key: string, time: number): Bucket => {
    const bucket = buckets.get(key)
    if (!bucket) return { tokens: shape.burst, at: time }
    const tokens = Math.min(shape.burst, bucket.tokens + (time - bucket.at) * ratePerMs)
    return { tokens, at: time }
  }

  // A full bucket carries no information: forget those first, then the oldest, to bound memory.
  const prune = (time: number) => {
    for (const [key] of buckets) {
      if (current(key, time).tokens >= shape.burst) buckets.delete(key)
    }
    for (const [key] of buckets) {
      if (buckets.size <= maxKeys * 0.9) break
      buckets.delete(key)
    }
  }

  return {
    take(key) {
      const time = now()
      const bucket = current(key, time)
      const allowed = bucket.tokens >= 1
      if (allowed) bucket.tokens -= 1
      buckets.delete(key)
      buckets.set(key, bucket)
      if (buckets.size > maxKeys) prune(time)
      return allowed
    },
    giveBack(key) {
      const time = now()
      const bucket = current(key, time)
      bucket.tokens = Math.min(shape.burst, bucket.tokens + 1)
      buckets.set(key, bucket)
    },
  }
}
