import { MAX_MESSAGE_CHARS } from '@repo/database/limits'
import { describe, expect, it } from 'vitest'
import { messageLength } from './message-length.ts'

describe('messageLength', () => {
  it('counts up to the limit and says when a draft is over it', () => {
    expect(messageLength('hello')).toEqual({ tooLong: false, counter: `5/${MAX_MESSAGE_CHARS}` })
    expect(messageLength('x'.repeat(MAX_MESSAGE_CHARS)).tooLong).toBe(false)
    expect(messageLength('x'.repeat(MAX_MESSAGE_CHARS + 1))).toEqual({
      tooLong: true,
      counter: `Too long: ${MAX_MESSAGE_CHARS + 1}/${MAX_MESSAGE_CHARS} characters.`,
    })
  })
})
