import Link from 'next/link'

const sections = [
  { href: '/settings', label: 'General', key: 'general' },
  { href: '/settings/scheduling', label: 'Scheduling', key: 'scheduling' },
  { href: '/settings/notifications', label: 'Notifications', key: 'notifications' },
] as const

type SectionKey = (typeof sections)[number]['key']

/** General settings, Scheduling (booking rules, hours, time off, skills) and Notifications. */
export function SettingsNav({
  active,
  showScheduling,
  showNotifications = false,
}: {
  active: SectionKey
  showScheduling: boolean
  /** Owners and admins: the business's messages, brand and delivery log. */
  showNotifications?: boolean
}) {
  const shown = sections.filter(
    (s) =>
      (s.key !== 'scheduling' || showScheduling) &&
      (s.key !== 'notifications' || showNotifications),
  )
  if (shown.length < 2) return null
  return (
    <nav
      aria-label="Settings sections"
      className="flex gap-1 overflow-x-auto border-b border-slate-200"
    >
      {shown.map((section) => (
        <Link
          key={section.key}
          href={section.href}
          aria-current={section.key === active ? 'page' : undefined}
          className={`-mb-px shrink-0 border-b-2 px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-700 ${
            section.key === active
              ? 'border-sky-700 text-sky-800'
              : 'border-transparent text-slate-700 hover:text-slate-900'
          }`}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  )
}
