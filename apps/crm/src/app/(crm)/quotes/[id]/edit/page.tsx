import { listServices, listTaxRates } from '@repo/database/repositories'
import { isQuoteEditable } from '@repo/domain/quotes'
import { can } from '@repo/domain/staff'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { EditQuoteForm } from '@/components/quotes/edit-quote-form.tsx'
import { requireStaff } from '@/lib/staff-context.ts'
import { loadQuote } from '../load-quote.ts'

export const metadata: Metadata = { title: 'Edit quote' }

export default async function EditQuotePage({ params }: { params: Promise<{ id: string }> }) {
  const quote = await loadQuote((await params).id)
  const { supabase, organization, staff } = await requireStaff()
  // Approved, declined and expired quotes stay as they were answered.
  if (!can(staff.role, 'quotes.manage') || !isQuoteEditable(quote.status)) redirect(`/quotes/${quote.id}`)
  const [services, taxRates] = await Promise.all([listServices(supabase, organization.id), listTaxRates(supabase, organization.id)])
  return (
    <section aria-labelledby="edit-quote-heading" className="space-y-4">
      <p className="text-sm text-slate-700">
        <Link href="/quotes" className="text-sky-800 underline">
          Quotes
        </Link>{' '}
        /{' '}
        <Link href={`/quotes/${quote.id}`} className="text-sky-800 underline">
          {quote.number}
        </Link>{' '}
        /
      </p>
      <h1 id="edit-quote-heading" className="text-2xl font-bold">
        Edit quote {quote.number}
      </h1>
      <div className="rounded-xl border border-slate-200 bg-white p-3 sm:p-4 md:p-6">
        <EditQuoteForm quote={quote} services={services} taxRates={taxRates} />
      </div>
    </section>
  )
}
