import { PublicSupabaseEnv } from '@repo/database/public-env'
import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { Toaster } from '@repo/ui/toast'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Customer portal', template: '%s · Customer portal' },
  description: 'Your appointments, invoices, messages and loyalty points.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0369a1' }

// Env is read per request (see PublicSupabaseEnv), so never prerender with build-time values.
export const dynamic = 'force-dynamic'

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <PublicSupabaseEnv />
      </head>
      <body className="min-h-dvh bg-slate-50 text-slate-900 antialiased">
        {children}
        <Toaster position="top-center" richColors closeButton />
      </body>
    </html>
  )
}
