// CSV downloads of the business's own data, read through the signed-in staff member's client
// (RLS decides what is in them), dates in the organization's zone.
import { exportCustomers, exportInvoices, exportJobs, listStaff } from '@repo/database/repositories'
import { customersCsv, invoicesCsv, jobsCsv } from '@repo/domain/csv-export'
import { dayKey } from '@repo/domain/dates'
import { can } from '@repo/domain/staff'
import { findStaffContext, type StaffContext } from '@/lib/staff-context.ts'

export const dynamic = 'force-dynamic'

const files: Record<string, (ctx: StaffContext) => Promise<string>> = {
  'customers.csv': async ({ supabase, organization }) =>
    customersCsv(await exportCustomers(supabase, organization.id), organization.timezone),
  'jobs.csv': async ({ supabase, organization }) => {
    const [jobs, customers, staff] = await Promise.all([
      exportJobs(supabase, organization.id),
      exportCustomers(supabase, organization.id),
      listStaff(supabase, organization.id, { includeInactive: true }),
    ])
    const names = {
      customers: new Map(customers.map((c) => [c.id, c])),
      staff: new Map(staff.map((s) => [s.id, s.full_name])),
    }
    return jobsCsv(jobs, names, organization.timezone)
  },
  'invoices.csv': async ({ supabase, organization }) => {
    const [invoices, customers] = await Promise.all([
      exportInvoices(supabase, organization.id),
      exportCustomers(supabase, organization.id),
    ])
    return invoicesCsv(
      invoices,
      { customers: new Map(customers.map((c) => [c.id, c])) },
      organization.timezone,
    )
  },
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params
  // Own keys only: "constructor" or "__proto__" are not files.
  const build = Object.hasOwn(files, file) ? files[file] : undefined
  if (!build) return new Response('Not found', { status: 404 })
  const context = await findStaffContext()
  if (context === 'signed-out') return new Response('Sign in to export.', { status: 401 })
  if (context === 'not-staff')
    return new Response('This account has no staff access.', { status: 403 })
  if (!can(context.staff.role, 'data.export'))
    return new Response('Your role does not allow exporting the business’s data.', { status: 403 })
  const csv = await build(context)
  const name = `${context.organization.slug}-${file.replace('.csv', '')}-${dayKey(new Date(), context.organization.timezone)}.csv`
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  })
}
