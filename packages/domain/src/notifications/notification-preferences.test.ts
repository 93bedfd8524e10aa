import { describe, expect, it } from 'vitest'
import { defaultPreferences, parsePreferences } from './notification-preferences.ts'

describe('parsePreferences', () => {
  it('defaults everything on', () => {
    expect(parsePreferences(null)).toEqual(defaultPreferences)
    expect(parsePreferences({})).toEqual(defaultPreferences)
  })

  it('keeps stored choices and ignores junk', () => {
    expect(parsePreferences({ invoice_updates: false, extra: 1 })).toEqual({
      ...defaultPreferences,
      invoice_updates: false,
    })
    expect(parsePreferences({ invoice_updates: 'no' })).toEqual(defaultPreferences)
    expect(parsePreferences('nope')).toEqual(defaultPreferences)
  })
})

describe('notification kinds', () => {
  it('has one kind per kind of customer-facing news (payments share the invoices’), with the profile page’s wording', async () => {
    const { notificationKinds, notificationKindLabel } = await import(
      './notification-preferences.ts'
    )
    expect(notificationKinds).toEqual([
      'job_updates',
      'invoice_updates',
      'message_updates',
      'loyalty_updates',
      'quote_updates',
    ])
    expect(notificationKindLabel.invoice_updates.title).toBe('Invoices')
  })
})
