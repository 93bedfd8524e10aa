import { can } from '@repo/domain/staff'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { NewCustomerForm } from '@/components/customers/new-customer-form.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'New customer' }

export default async function NewCustomerPage() {
  const { staff } = await requireStaff()
  if (!can(staff.role, 'customers.edit')) redirect('/customers')
  return (
    <section aria-labelledby="new-customer-heading" className="space-y-4">
      <p className="text-sm text-slate-700">
        <Link href="/customers" className="text-sky-800 underline">
          Customers
        </Link>{' '}
        /
      </p>
      <h1 id="new-customer-heading" className="text-2xl font-bold">
        New customer
      </h1>
      <div className="rounded-xl border border-slate-200 bg-white p-4 md:p-6">
        <NewCustomerForm />
      </div>
    </section>
  )
}
