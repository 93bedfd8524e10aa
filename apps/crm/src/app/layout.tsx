import { PublicSupabaseEnv } from '@repo/database/public-env'
import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { Toaster } from '@repo/ui/toast'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Dirt Free CRM', template: '%s · Dirt Free CRM' },
  description: 'Staff CRM: customers, jobs, invoices, messages and loyalty.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

// Rendered per request so the browser gets the Supabase URL/key of the stack this server runs against.
export const dynamic = 'force-dynamic'

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <PublicSupabaseEnv />
        {children}
        <Toaster position="top-right" richColors closeButton />
      </body>
    </html>
  )
}
