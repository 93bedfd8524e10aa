'use client'

import { Button } from '@repo/ui/button'
import { cn } from '@repo/ui/cn'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { lazy, type ReactNode, Suspense, useRef, useState } from 'react'
import { useStaffSession } from './staff-session.tsx'

// The sheet (Radix Dialog, ~15 kB gzipped) loads on the first tap on "Menu", not with every page.
const MenuSheet = lazy(() => import('./menu-sheet.tsx'))

const links: ReadonlyArray<{
  href: string
  label: string
  menuOnly?: boolean
  technicianOnly?: boolean
}> = [
  // A technician's start page: their own visits today and tomorrow.
  { href: '/my-day', label: 'My day', technicianOnly: true },
  { href: '/customers', label: 'Customers' },
  { href: '/jobs', label: 'Jobs' },
  { href: '/quotes', label: 'Quotes' },
  { href: '/invoices', label: 'Invoices' },
  { href: '/messages', label: 'Messages' },
  { href: '/staff', label: 'Staff' },
  { href: '/settings', label: 'Settings' },
  // Wide screens reach it from the bell's "See all notifications"; the phone menu lists it too.
  { href: '/notifications', label: 'Notifications', menuOnly: true },
  // Wide screens reach it from their name in the header.
  { href: '/profile', label: 'Your profile', menuOnly: true },
]

function NavLinks({
  vertical = false,
  onNavigate,
}: {
  vertical?: boolean
  onNavigate?: () => void
}) {
  const pathname = usePathname()
  const { role } = useStaffSession()
  return (
    <nav aria-label="Main" className={vertical ? 'flex flex-col gap-1' : 'flex flex-wrap gap-1'}>
      {links
        .filter(
          (link) => (vertical || !link.menuOnly) && (!link.technicianOnly || role === 'technician'),
        )
        .map((link) => {
          const active = pathname === link.href || pathname.startsWith(`${link.href}/`)
          return (
            <Link
              key={link.href}
              prefetch={false}
              href={link.href}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'rounded-lg px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-700',
                vertical && 'flex min-h-11 items-center text-base',
                active ? 'bg-sky-50 text-sky-800' : 'text-slate-700 hover:bg-slate-100',
              )}
            >
              {link.label}
            </Link>
          )
        })}
    </nav>
  )
}

/** The main sections: a row of links from `lg` (1024 px) up, a menu button opening a sheet below it. */
export function MainNav({ title, account }: { title: string; account?: ReactNode }) {
  const [open, setOpen] = useState(false)
  const [loaded, setLoaded] = useState(false)
  const menuButton = useRef<HTMLButtonElement>(null)
  return (
    <>
      <div className="hidden lg:block">
        <NavLinks />
      </div>
      <Button
        ref={menuButton}
        variant="ghost"
        size="icon"
        className="order-first -ml-2 lg:hidden"
        aria-label="Menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setLoaded(true)
          setOpen(true)
        }}
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="size-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        >
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
      </Button>
      {loaded ? (
        <Suspense fallback={null}>
          <MenuSheet
            open={open}
            onOpenChange={setOpen}
            title={title}
            account={account}
            returnFocusTo={menuButton}
          >
            <NavLinks vertical onNavigate={() => setOpen(false)} />
          </MenuSheet>
        </Suspense>
      ) : null}
    </>
  )
}
