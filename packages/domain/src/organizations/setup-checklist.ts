// The CRM's first-run checklist: what a new business does first, each step ticking itself from
// the data (never from a click on the checklist).

export interface SetupFacts {
  services: number
  /** Team members besides the owner (invited or joined). */
  teamMembers: number
  customers: number
  customersWithPortalLogin: number
  /** The settings were saved at least once after the business was created. */
  settingsReviewed: boolean
}

export interface SetupStep {
  id: 'services' | 'team' | 'customers' | 'policy' | 'portal'
  label: string
  href: string
  done: boolean
}

export function setupSteps(facts: SetupFacts): SetupStep[] {
  return [
    { id: 'services', label: 'Add your services', href: '/settings', done: facts.services > 0 },
    { id: 'team', label: 'Invite your team', href: '/staff', done: facts.teamMembers > 0 },
    { id: 'customers', label: 'Import or add your customers', href: '/customers/import', done: facts.customers > 0 },
    {
      id: 'policy',
      label: 'Set your cancellation policy and loyalty rule',
      href: '/settings',
      done: facts.settingsReviewed,
    },
    {
      id: 'portal',
      label: 'Invite your first customer to the portal',
      href: '/customers',
      done: facts.customersWithPortalLogin > 0,
    },
  ]
}
