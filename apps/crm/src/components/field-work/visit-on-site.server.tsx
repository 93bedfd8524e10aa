import 'server-only'
import {
  type FieldJob,
  listAttachments,
  listJobInvoices,
  listJobLines,
  listJobNotes,
  listServices,
  listTaxRates,
  signAttachments,
  THUMBNAIL_WIDTH,
} from '@repo/database/repositories'
import type { Client, OrganizationRow, PaymentRow } from '@repo/database/types'
import { visitTotals } from '@repo/domain/field-work'
import { canChangeJobStatus } from '@repo/domain/staff'
import type { StaffRole } from '@repo/domain/staff'
import { VisitLines } from './visit-lines.tsx'
import { VisitNotes } from './visit-notes.tsx'
import { VisitPayment } from './visit-payment.tsx'
import { VisitPhotos } from './visit-photos.tsx'

/**
 * What is added on site, each a small section of the job screen: photos, extra work, notes, and
 * payment once the visit has started. The office's view of the same page follows it live.
 */
export async function VisitOnSite({
  supabase,
  job,
  staff,
  organization,
}: {
  supabase: Client
  job: FieldJob
  staff: { id: string; role: StaffRole }
  organization: OrganizationRow
}) {
  const [notes, lines, attachments, invoices, services, rates] = await Promise.all([
    listJobNotes(supabase, job.id),
    listJobLines(supabase, job.id),
    listAttachments(supabase, { jobId: job.id }),
    listJobInvoices(supabase, job.id),
    listServices(supabase, organization.id),
    listTaxRates(supabase, organization.id),
  ])
  const photos = await signAttachments(supabase, attachments, { thumbnailWidth: THUMBNAIL_WIDTH })
  const mayWork = canChangeJobStatus(staff, job)
  const invoice = invoices.find((i) => i.status !== 'void') ?? null
  const invoiced = invoice !== null && invoice.status !== 'draft'
  const open = mayWork && !invoiced && job.status !== 'completed' && job.status !== 'cancelled'
  const defaultRate = rates.find((r) => r.is_default)?.rate_bps ?? 0
  const jobService = services.find((s) => s.id === job.service_id)
  const taxedJob = Boolean(jobService?.taxable) && defaultRate > 0
  const total = visitTotals(
    { priceCents: job.price_cents, taxable: taxedJob, taxRateBps: taxedJob ? defaultRate : 0 },
    lines,
  ).totalCents
  const dueCents = invoice && invoice.status !== 'draft' ? invoice.balance_cents : total
  const payments: PaymentRow[] = invoices.flatMap((i) => i.payments)
  const paying = mayWork && (job.status === 'in_progress' || job.status === 'completed')
  const customAllowed = organization.technicians_add_custom_lines || staff.role !== 'technician'
  return (
    <>
      <VisitPhotos photos={photos} canAdd={mayWork} />
      <VisitLines
        jobId={job.id}
        lines={lines}
        catalog={services}
        customAllowed={customAllowed}
        open={open}
        totalCents={total}
      />
      <VisitNotes notes={notes} canWrite={mayWork} />
      {/* Keyed by what is due, so the amount starts from the new balance after a part payment. */}
      {paying ? (
        <VisitPayment key={dueCents} jobId={job.id} dueCents={dueCents} payments={payments} />
      ) : null}
    </>
  )
}
