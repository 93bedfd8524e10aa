'use client'

import type { CustomerRow, InvoiceRow, JobRow } from '@repo/database/types'
import { useState } from 'react'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { can } from '@repo/domain/staff'
import { CreateInvoiceForm } from './create-invoice-form.tsx'
import { InvoiceTable } from './invoice-table.tsx'

export function CustomerInvoicesPanel({
  customer,
  invoices,
  jobs,
  suggestedNumber,
}: {
  customer: CustomerRow
  invoices: InvoiceRow[]
  jobs: JobRow[]
  suggestedNumber: string
}) {
  const { role, timeZone } = useStaffSession()
  const [adding, setAdding] = useState(false)
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">Invoices</h2>
        {can(role, 'invoices.manage') && !adding ? (
          <button type="button" onClick={() => setAdding(true)} className="min-h-11 rounded-lg bg-sky-700 px-4 font-semibold text-white">
            New invoice
          </button>
        ) : null}
      </div>
      {adding ? <CreateInvoiceForm customer={customer} jobs={jobs} suggestedNumber={suggestedNumber} onDone={() => setAdding(false)} /> : null}
      <InvoiceTable invoices={invoices} timeZone={timeZone} />
    </div>
  )
}
