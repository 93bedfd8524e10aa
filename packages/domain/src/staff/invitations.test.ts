import { describe, expect, it } from 'vitest'
import { membershipState, portalInvitationCopy, staffInvitationCopy } from './invitations.ts'

describe('invitations', () => {
  it('names the business and the role in the e-mail', () => {
    expect(staffInvitationCopy('Sparkle HVAC', 'technician')).toEqual({
      invitation_title: "Join Sparkle HVAC on the team's CRM",
      invitation_text: "You're invited as technician to see and work your jobs. Accept, choose a password, and you're in.",
    })
    expect(portalInvitationCopy('Sparkle HVAC').invitation_title).toBe("You're invited to Sparkle HVAC's customer portal")
  })

  it('is pending until the first sign-in through the link, and inactive wins', () => {
    expect(membershipState({ active: true, invited_at: '2026-12-01T00:00:00Z', joined_at: null })).toBe('invited')
    expect(membershipState({ active: true, invited_at: '2026-12-01T00:00:00Z', joined_at: '2026-12-02T00:00:00Z' })).toBe('active')
    // Seeded and founding members were never invited.
    expect(membershipState({ active: true, invited_at: null, joined_at: null })).toBe('active')
    expect(membershipState({ active: false, invited_at: '2026-12-01T00:00:00Z', joined_at: null })).toBe('inactive')
  })
})
