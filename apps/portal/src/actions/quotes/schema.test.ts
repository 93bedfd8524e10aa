import { describe, expect, it } from 'vitest'
import { approveQuoteSchema, declineQuoteSchema, quoteIdSchema } from './schema.ts'

const quoteId = '65000000-0000-4000-8000-000000000001'
const lineId = '6f1c2f5e-8a1b-4c3d-9e2f-1a2b3c4d5e6f'
const signaturePng = `data:image/png;base64,${'iVBORw0KGgo'.repeat(20)}=`
const approval = { quoteId, version: 2, selectedLineIds: [lineId], totalCents: 33_341, signerName: 'Alice Johnson', signaturePng }

/** The messages per field, as the action kit would put them next to the fields. */
function errors(result: ReturnType<typeof approveQuoteSchema.safeParse>) {
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('approveQuoteSchema', () => {
  it('accepts a named, signed approval of one version with its choices', () => {
    const parsed = approveQuoteSchema.parse({ ...approval, signerName: '  Alice Johnson  ' })
    expect(parsed.signerName).toBe('Alice Johnson')
    expect(approveQuoteSchema.safeParse({ ...approval, selectedLineIds: [] }).success).toBe(true)
  })

  it('asks for a full name and a drawn signature, in words the customer can act on', () => {
    expect(errors(approveQuoteSchema.safeParse({ ...approval, signerName: ' A ' }))).toEqual({
      signerName: 'Type your full name to sign.',
    })
    expect(errors(approveQuoteSchema.safeParse({ ...approval, signerName: 'x'.repeat(201) })).signerName).toMatch(/under 200/)
    expect(errors(approveQuoteSchema.safeParse({ ...approval, signaturePng: '' }))).toEqual({ signaturePng: 'Draw your signature.' })
    expect(errors(approveQuoteSchema.safeParse({ ...approval, signaturePng: `data:image/jpeg;base64,${'A'.repeat(200)}` }))).toEqual({
      signaturePng: 'Draw your signature.',
    })
    expect(errors(approveQuoteSchema.safeParse({ ...approval, signaturePng: `data:image/png;base64,${'A'.repeat(300_000)}` })).signaturePng).toMatch(
      /too large/,
    )
  })

  it('refuses a missing version or total, bad ids and non-integer versions', () => {
    expect(approveQuoteSchema.safeParse({ ...approval, version: undefined }).success).toBe(false)
    expect(approveQuoteSchema.safeParse({ ...approval, version: 0 }).success).toBe(false)
    expect(approveQuoteSchema.safeParse({ ...approval, version: 1.5 }).success).toBe(false)
    expect(approveQuoteSchema.safeParse({ ...approval, totalCents: undefined }).success).toBe(false)
    expect(approveQuoteSchema.safeParse({ ...approval, totalCents: -1 }).success).toBe(false)
    expect(approveQuoteSchema.safeParse({ ...approval, quoteId: 'Q-1001' }).success).toBe(false)
    expect(approveQuoteSchema.safeParse({ ...approval, selectedLineIds: ['not-a-line'] }).success).toBe(false)
    expect(quoteIdSchema.safeParse('nope').success).toBe(false)
  })
})

describe('declineQuoteSchema', () => {
  it('needs a reason of reasonable length', () => {
    expect(declineQuoteSchema.safeParse({ quoteId, reason: '   ' }).success).toBe(false)
    expect(declineQuoteSchema.safeParse({ quoteId, reason: 'x'.repeat(2001) }).success).toBe(false)
    expect(declineQuoteSchema.parse({ quoteId, reason: ' Went with a smaller job ' }).reason).toBe('Went with a smaller job')
  })
})
