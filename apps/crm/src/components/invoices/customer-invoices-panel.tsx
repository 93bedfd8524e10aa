'use client'

import type { CustomerRow, InvoiceRow, JobRow } from '@repo/database/types'
import { can } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import { useState } from 'react'
import type { CatalogService, TaxRateChoice } from '@/components/line-items/line-draft.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { CreateInvoiceForm } from './create-invoice-form.tsx'
import { InvoiceTable } from './invoice-table.tsx'

export function CustomerInvoicesPanel({
  customer,
  invoices,
  jobs,
  services,
  taxRates,
}: {
  customer: CustomerRow
  invoices: InvoiceRow[]
  jobs: JobRow[]
  /** The active catalog and tax rates, for the new invoice's lines. */
  services: CatalogService[]
  taxRates: TaxRateChoice[]
}) {
  const { role, timeZone, currency } = useStaffSession()
  const [adding, setAdding] = useState(false)
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Invoices</h2>
        {can(role, 'invoices.manage') && !adding ? <Button onClick={() => setAdding(true)}>New invoice</Button> : null}
      </div>
      {adding ? <CreateInvoiceForm customer={customer} jobs={jobs} services={services} taxRates={taxRates} onDone={() => setAdding(false)} /> : null}
      <InvoiceTable invoices={invoices} timeZone={timeZone} currency={currency} />
    </div>
  )
}
