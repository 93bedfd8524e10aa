import { describe, expect, it } from 'vitest'
import { MAX_MESSAGE_CHARS, sendMessageSchema } from './schema.ts'

const clientId = '6f1c2f5e-8a1b-4c3d-9e2f-1a2b3c4d5e6f'

describe('sendMessageSchema', () => {
  it('trims and accepts a normal message', () => {
    expect(sendMessageSchema.parse({ body: '  Hello  ', clientId }).body).toBe('Hello')
  })

  it('rejects empty, whitespace-only and over-long messages', () => {
    expect(sendMessageSchema.safeParse({ body: '', clientId }).success).toBe(false)
    expect(sendMessageSchema.safeParse({ body: '   \n ', clientId }).success).toBe(false)
    expect(sendMessageSchema.safeParse({ body: 'x'.repeat(MAX_MESSAGE_CHARS + 1), clientId }).success).toBe(false)
    expect(sendMessageSchema.safeParse({ body: 'x'.repeat(MAX_MESSAGE_CHARS), clientId }).success).toBe(true)
  })
})
