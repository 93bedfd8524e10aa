import type { MessageRow } from '@repo/database/types'
import { describe, expect, it } from 'vitest'
import { describeMessageChange, isNewsTo } from './message-notices.ts'
import { isMessageSender } from './message-sender.ts'

const message = {
  id: '00000000-0000-4000-8000-000000000001',
  sender_type: 'customer',
  body: 'x'.repeat(100),
  deleted_at: null,
  created_at: '2026-01-10T12:00:00Z',
} as MessageRow

describe('message notices', () => {
  it('previews a long message in one line and ignores deletions', () => {
    expect(describeMessageChange('INSERT', message)?.description).toBe(`${'x'.repeat(77)}…`)
    expect(
      describeMessageChange('INSERT', { ...message, deleted_at: message.created_at }),
    ).toBeNull()
    expect(describeMessageChange('UPDATE', message)).toBeNull()
  })

  it('tells each side only about the other side’s messages', () => {
    expect(isNewsTo('customer', message)).toBe(false)
    expect(isNewsTo('staff', message)).toBe(true)
  })

  it('knows the senders from the database enum', () => {
    expect(isMessageSender('staff')).toBe(true)
    expect(isMessageSender('robot')).toBe(false)
  })
})
