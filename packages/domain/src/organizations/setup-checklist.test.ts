import { describe, expect, it } from 'vitest'
import { setupSteps } from './setup-checklist.ts'

describe('setup checklist', () => {
  it('ticks each step from the data', () => {
    const fresh = setupSteps({ services: 0, teamMembers: 0, customers: 0, customersWithPortalLogin: 0, settingsReviewed: false })
    expect(fresh.map((s) => s.done)).toEqual([false, false, false, false, false])
    const busy = setupSteps({ services: 3, teamMembers: 2, customers: 497, customersWithPortalLogin: 0, settingsReviewed: true })
    expect(busy.filter((s) => !s.done).map((s) => s.id)).toEqual(['portal'])
  })
})
