// The four primary ones fit the phone's tab bar (375 px); the rest sit behind "More" there, in this
// order (Book first, Quotes next: the dashboard and the appointments page also link to booking,
// and the dashboard points to any quote waiting for an answer).
const items = [
  { href: '/', label: 'Home', primary: true },
  { href: '/appointments', label: 'Appointments', primary: true },
  { href: '/book', label: 'Book a service', primary: false },
  { href: '/invoices', label: 'Invoices', primary: true },
  { href: '/quotes', label: 'Quotes', primary: false },
  { href: '/messages', label: 'Messages', primary: true },
  { href: '/loyalty', label: 'Rewards', primary: false },
  { href: '/profile', label: 'Profile', primary: false },
] as const

export type NavItem = (typeof items)[number]

/** The portal's pages in navigation order; booking only while the business takes bookings online. */
export function portalNavItems({ onlineBooking }: { onlineBooking: boolean }): readonly NavItem[] {
  return onlineBooking ? items : items.filter((item) => item.href !== '/book')
}
