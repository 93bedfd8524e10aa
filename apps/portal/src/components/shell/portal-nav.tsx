'use client'

import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import { cn } from '@repo/ui/cn'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { lazy, Suspense, useRef, useState } from 'react'
import { usePortalLive } from '../live/portal-live-context'
import { type NavItem as Item, portalNavItems } from './nav-items'

// The sheet (Radix Dialog, ~16 kB gzipped) loads on the first tap on "More", not with every page.
const MoreSheet = lazy(() => import('./more-sheet'))

function isActive(pathname: string, href: string) {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`)
}

function UnreadBadge({ count, className }: { count: number; className?: string }) {
  return (
    <Badge
      data-testid="unread-badge"
      tone="danger"
      className={cn('min-w-5 justify-center px-1.5 tabular-nums', className)}
    >
      {count}
      <span className="sr-only"> unread</span>
    </Badge>
  )
}

const tabClass =
  'relative flex min-h-14 w-full flex-col items-center justify-center px-1 text-[11px] font-medium md:min-h-11 md:flex-row md:justify-start md:rounded-lg md:px-3 md:text-sm ' +
  'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-700'

function NavLink({
  item,
  active,
  unreadCount,
}: {
  item: Item
  active: boolean
  unreadCount: number
}) {
  return (
    <Link
      href={item.href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        tabClass,
        active ? 'text-sky-800 md:bg-sky-100' : 'text-slate-700 hover:bg-slate-100',
      )}
    >
      {item.label}
      {item.href === '/messages' && unreadCount > 0 ? (
        <UnreadBadge count={unreadCount} className="absolute right-1 top-1 md:static md:ml-auto" />
      ) : null}
    </Link>
  )
}

/**
 * Bottom tab bar on phones (four tabs and "More"), a side column with every page from md up.
 * "Book a service" is left out while the business takes no bookings online.
 */
export function PortalNav({ onlineBooking }: { onlineBooking: boolean }) {
  const pathname = usePathname()
  const { unreadCount } = usePortalLive()
  const [moreOpen, setMoreOpen] = useState(false)
  const [moreLoaded, setMoreLoaded] = useState(false)
  const moreButton = useRef<HTMLButtonElement>(null)
  const shown = portalNavItems({ onlineBooking })
  const secondary = shown.filter((item) => !item.primary)
  const secondaryActive = secondary.some((item) => isActive(pathname, item.href))
  return (
    <nav
      aria-label="Main"
      className="print:hidden fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:static md:w-48 md:shrink-0 md:border-0 md:bg-transparent md:pb-0"
    >
      <ul className="grid grid-cols-5 md:flex md:flex-col md:gap-1">
        {shown.map((item) => (
          <li key={item.href} className={item.primary ? undefined : 'hidden md:block'}>
            <NavLink item={item} active={isActive(pathname, item.href)} unreadCount={unreadCount} />
          </li>
        ))}
        <li className="md:hidden">
          <Button
            ref={moreButton}
            variant="ghost"
            aria-haspopup="dialog"
            aria-expanded={moreOpen}
            aria-controls={moreOpen ? 'more-sheet' : undefined}
            onClick={() => {
              setMoreLoaded(true)
              setMoreOpen(true)
            }}
            className={cn(
              tabClass,
              'gap-0 rounded-none',
              secondaryActive ? 'text-sky-800' : 'text-slate-700',
            )}
          >
            More
          </Button>
          {moreLoaded ? (
            <Suspense fallback={null}>
              <MoreSheet
                open={moreOpen}
                onOpenChange={setMoreOpen}
                returnFocusTo={moreButton}
                items={secondary.map((item) => ({
                  ...item,
                  active: isActive(pathname, item.href),
                }))}
              />
            </Suspense>
          ) : null}
        </li>
      </ul>
    </nav>
  )
}
