'use client'

import { cn } from '@repo/ui/cn'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { usePortalLive } from '../live/portal-live-context'

const items = [
  { href: '/', label: 'Home' },
  { href: '/appointments', label: 'Appointments' },
  { href: '/invoices', label: 'Invoices' },
  { href: '/messages', label: 'Messages' },
  { href: '/loyalty', label: 'Rewards' },
  { href: '/profile', label: 'Profile' },
] as const

function isActive(pathname: string, href: string) {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`)
}

/** Bottom tab bar on phones, a side column from md up. */
export function PortalNav() {
  const pathname = usePathname()
  const { unreadCount } = usePortalLive()
  return (
    <nav aria-label="Main" className="print:hidden fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white md:static md:w-48 md:shrink-0 md:border-0 md:bg-transparent">
      <ul className="grid grid-cols-6 md:flex md:flex-col md:gap-1">
        {items.map((item) => {
          const active = isActive(pathname, item.href)
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'relative flex min-h-14 flex-col items-center justify-center px-1 text-[11px] font-medium md:min-h-11 md:flex-row md:justify-start md:rounded-lg md:px-3 md:text-sm',
                  active ? 'text-sky-800 md:bg-sky-100' : 'text-slate-700 hover:bg-slate-100',
                )}
              >
                {item.label}
                {item.href === '/messages' && unreadCount > 0 ? (
                  <span
                    data-testid="unread-badge"
                    className="absolute right-1 top-1 min-w-5 rounded-full bg-red-700 px-1.5 text-center text-[11px] leading-5 text-white md:static md:ml-auto"
                  >
                    {unreadCount}
                    <span className="sr-only"> unread</span>
                  </span>
                ) : null}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
