import { can, forbiddenMessage } from '@repo/domain/staff'
import type { Metadata } from 'next'
import Link from 'next/link'
import { CustomerImport } from '@/components/customers/import/customer-import.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Import customers' }

export default async function ImportCustomersPage() {
  const { staff } = await requireStaff()
  return (
    <section aria-labelledby="import-heading" className="space-y-4">
      <p className="text-sm">
        <Link href="/customers" className="text-sky-800 hover:underline">
          ← Customers
        </Link>
      </p>
      <h1 id="import-heading" className="text-2xl font-bold">
        Import customers
      </h1>
      {can(staff.role, 'customers.import') ? (
        <CustomerImport />
      ) : (
        <p className="text-slate-700">{forbiddenMessage}</p>
      )}
    </section>
  )
}
