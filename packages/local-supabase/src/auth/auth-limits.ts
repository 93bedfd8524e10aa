import type { AuthRateLimits } from '../config.ts'
import { fail } from './errors.ts'
import { createTokenBuckets, type TokenBuckets } from './rate-limit.ts'

const FIVE_MINUTES = 5 * 60_000
const ONE_HOUR = 60 * 60_000

/** The buckets of one auth service; keys are client addresses (or account + address). */
export interface AuthLimits {
  /** `/token`, every grant. */
  token: TokenBuckets
  /** Requests that send mail or change the user: e-mail sign-up, `/otp`, `/magiclink`, `/recover`, `PUT /user`. */
  signInSignUps: TokenBuckets
  /** `/verify`, both the link and the code. */
  verify: TokenBuckets
  anonymousSignIns: TokenBuckets
  /** Wrong passwords for one account from one address. */
  passwordFailures: TokenBuckets
}

export function createAuthLimits(limits: AuthRateLimits): AuthLimits {
  const per5Minutes = (limit: number) =>
    createTokenBuckets({
      burst: Math.min(limits.burst, limit),
      perWindow: limit,
      windowMs: FIVE_MINUTES,
    })
  return {
    token: per5Minutes(limits.tokenRefresh),
    signInSignUps: per5Minutes(limits.signInSignUps),
    verify: per5Minutes(limits.tokenVerifications),
    anonymousSignIns: createTokenBuckets({
      burst: limits.anonymousUsers,
      perWindow: limits.anonymousUsers,
      windowMs: ONE_HOUR,
    }),
    passwordFailures: createTokenBuckets({
      burst: limits.passwordFailures,
      perWindow: limits.passwordFailures,
      windowMs: FIVE_MINUTES,
    }),
  }
}

/** Takes a token or refuses the request with GoTrue's 429. */
export function spend(
  buckets: TokenBuckets,
  key: string,
  message = 'Request rate limit reached',
): void {
  if (!buckets.take(key)) throw fail(429, 'over_request_rate_limit', message)
}
