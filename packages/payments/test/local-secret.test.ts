import { PAYMENTS_WEBHOOK_SECRET_DEFAULT } from '@repo/local-supabase'
import { expect, it } from 'vitest'
import { LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT } from '../src/index.ts'

// The one constant this package copies from @repo/local-supabase (it must not depend on it).
it("the local provider's default webhook secret is the local stack's", () => {
  expect(LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT).toBe(PAYMENTS_WEBHOOK_SECRET_DEFAULT)
  expect(LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT).toMatch(/^whsec_/)
})
