import type { ReactNode } from 'react'
import { loadCustomer } from '@/lib/load-customer.ts'

// The lookup runs here, outside this segment's loading boundary, so an unknown customer answers
// 404 before the skeleton streams.
export default async function CustomerLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  await loadCustomer((await params).id)
  return children
}
