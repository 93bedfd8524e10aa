'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

const links = [
  { href: '/customers', label: 'Customers' },
  { href: '/jobs', label: 'Jobs' },
  { href: '/invoices', label: 'Invoices' },
  { href: '/messages', label: 'Messages' },
  { href: '/staff', label: 'Staff' },
] as const

export function MainNav() {
  const pathname = usePathname()
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1">
      {links.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`)
        return (
          <Link
            key={link.href}
            prefetch={false}
            href={link.href}
            aria-current={active ? 'page' : undefined}
            className={`rounded-lg px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-700 ${
              active ? 'bg-sky-50 text-sky-800' : 'text-slate-700 hover:bg-slate-100'
            }`}
          >
            {link.label}
          </Link>
        )
      })}
    </nav>
  )
}
