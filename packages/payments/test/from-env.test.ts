import { describe, expect, it } from 'vitest'
import {
  LocalPaymentProvider,
  paymentProviderFromEnv,
  StripePaymentProvider,
} from '../src/index.ts'

const LOCAL = {
  NEXT_PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321',
  SUPABASE_SERVICE_ROLE_KEY: 'service-role',
}

describe('paymentProviderFromEnv', () => {
  it('chooses Stripe when STRIPE_SECRET_KEY is set', () => {
    const provider = paymentProviderFromEnv({
      ...LOCAL,
      STRIPE_SECRET_KEY: 'sk_test_1',
      STRIPE_WEBHOOK_SECRET: 'whsec_1',
    })
    expect(provider).toBeInstanceOf(StripePaymentProvider)
    expect(provider.name).toBe('stripe')
  })

  it('names STRIPE_WEBHOOK_SECRET when Stripe is chosen without it', () => {
    expect(() => paymentProviderFromEnv({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(
      /STRIPE_WEBHOOK_SECRET/,
    )
    expect(() =>
      paymentProviderFromEnv({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: ' ' }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET/)
  })

  it('chooses the local stack when STRIPE_SECRET_KEY is empty', () => {
    const provider = paymentProviderFromEnv({
      ...LOCAL,
      STRIPE_SECRET_KEY: '',
      STRIPE_WEBHOOK_SECRET: '',
    })
    expect(provider).toBeInstanceOf(LocalPaymentProvider)
    expect(provider.name).toBe('local')
  })

  it('needs a payments URL and the service-role key for the local stack', () => {
    expect(() => paymentProviderFromEnv({ SUPABASE_SERVICE_ROLE_KEY: 'x' })).toThrow(
      /STRIPE_SECRET_KEY/,
    )
    expect(() =>
      paymentProviderFromEnv({ NEXT_PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321' }),
    ).toThrow(/SUPABASE_SERVICE_ROLE_KEY/)
    expect(
      paymentProviderFromEnv({
        LOCAL_PAYMENTS_URL: 'http://localhost:9999/payments/v1',
        SUPABASE_SERVICE_ROLE_KEY: 'x',
      }).name,
    ).toBe('local')
    expect(
      paymentProviderFromEnv({
        NEXT_PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321',
        SUPABASE_SECRET_KEY: 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz',
      }).name,
    ).toBe('local')
  })

  it('keeps the public default webhook secret off anything but a stack on this machine', () => {
    const hosted = {
      NEXT_PUBLIC_SUPABASE_URL: 'https://abc.supabase.co',
      SUPABASE_SERVICE_ROLE_KEY: 'x',
    }
    expect(() => paymentProviderFromEnv(hosted)).toThrow(/STRIPE_SECRET_KEY/)
    expect(
      paymentProviderFromEnv({ ...hosted, LOCAL_PAYMENTS_WEBHOOK_SECRET: 'whsec_staging' }).name,
    ).toBe('local')
  })
})
