import {
  getLoyaltyBalance,
  listAuditTrail,
  listCustomerInvoices,
  listCustomerJobs,
  listCustomerReviews,
  listCustomerNotes,
  listCustomerProperties,
  listLoyaltyTransactions,
  listQuotes,
  listServices,
  listStaff,
  listTaxRates,
  listThread,
  isUuid,
  listAttachments,
  signAttachments,
  signedMessagePhotos,
  THUMBNAIL_WIDTH,
} from '@repo/database/repositories'
import type { Metadata } from 'next'
import { AuditTrail } from '@/components/audit/audit-trail.tsx'
import { CustomerActivityPanel } from '@/components/customers/customer-activity-panel.tsx'
import { CustomerHeader } from '@/components/customers/customer-header.tsx'
import { CustomerProfileForm } from '@/components/customers/customer-profile-form.tsx'
import { PropertyNotice } from '@/components/customers/property-notice.tsx'
import { CustomerPropertiesPanel } from '@/components/properties/customer-properties-panel.tsx'
import { AttachmentGrid } from '@/components/files/attachment-grid.tsx'
import { CustomerTabs, type CustomerTab, customerTabs } from '@/components/customers/customer-tabs.tsx'
import { CustomerInvoicesPanel } from '@/components/invoices/customer-invoices-panel.tsx'
import { CustomerJobsPanel } from '@/components/jobs/customer-jobs-panel.tsx'
import { CustomerLoyaltyPanel } from '@/components/loyalty/customer-loyalty-panel.tsx'
import { CustomerQuotesPanel } from '@/components/quotes/customer-quotes-panel.tsx'
import { MessageThread } from '@/components/messages/message-thread.tsx'
import { CustomerReviews } from '@/components/reviews/customer-reviews.tsx'
import { formatDate } from '@repo/domain/dates'
import { can } from '@repo/domain/staff'
import { loadCustomer } from '@/lib/load-customer.ts'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Customer' }

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ tab?: string; record?: string }>
}) {
  const [{ id }, { tab: rawTab, record: rawRecord }] = await Promise.all([params, searchParams])
  const customer = await loadCustomer(id)
  const { supabase, staff, organization } = await requireStaff()
  const tab: CustomerTab = customerTabs.includes(rawTab as CustomerTab) ? (rawTab as CustomerTab) : 'profile'
  // Every tab shows the main property's access notes: technicians look here before a visit.
  const properties = await listCustomerProperties(supabase, id)
  const canEdit = can(staff.role, 'customers.edit')

  return (
    <div className="space-y-4">
      <CustomerHeader
        customer={customer}
        canEdit={canEdit}
        portalPermissions={{ canInvite: can(staff.role, 'portal.invite'), canRevoke: can(staff.role, 'portal.revoke') }}
      />
      {customer.archived_at ? (
        <p role="status" data-testid="archived-notice" className="rounded-lg border border-slate-300 bg-slate-100 p-3 text-sm text-slate-900">
          Archived on {formatDate(customer.archived_at, organization.timezone)}. Their history stays here; new jobs and quotes
          are refused until you restore them.
        </p>
      ) : null}
      <PropertyNotice customerId={customer.id} properties={properties} />
      <CustomerTabs customerId={customer.id} active={tab} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="rounded-xl border border-slate-200 bg-white p-4 md:p-6">
        {tab === 'profile' ? <CustomerProfileForm customer={customer} canEdit={canEdit} /> : null}
        {tab === 'properties' ? <CustomerPropertiesPanel customerId={customer.id} properties={properties} canEdit={canEdit} /> : null}
        {tab === 'jobs'
          ? await (async () => {
              const [jobs, team, reviews] = await Promise.all([
                listCustomerJobs(supabase, id),
                listStaff(supabase, organization.id),
                listCustomerReviews(supabase, id),
              ])
              return (
                <>
                  <CustomerJobsPanel customer={customer} jobs={jobs} staff={team} />
                  <CustomerReviews reviews={reviews} timeZone={organization.timezone} />
                </>
              )
            })()
          : null}
        {tab === 'quotes' ? (
          <CustomerQuotesPanel
            customerId={customer.id}
            quotes={await listQuotes(supabase, { customerId: id, limit: 500 })}
            canWrite={can(staff.role, 'quotes.manage')}
            archived={customer.archived_at !== null}
            timeZone={organization.timezone}
            currency={organization.currency}
          />
        ) : null}
        {tab === 'invoices'
          ? await (async () => {
              const [invoices, jobs, services, taxRates] = await Promise.all([
                listCustomerInvoices(supabase, id),
                listCustomerJobs(supabase, id),
                listServices(supabase, organization.id),
                listTaxRates(supabase, organization.id),
              ])
              return (
                <CustomerInvoicesPanel
                  customer={customer}
                  invoices={invoices}
                  jobs={jobs}
                  services={services}
                  taxRates={taxRates}
                />
              )
            })()
          : null}
        {tab === 'messages'
          ? await (async () => {
              const messages = await listThread(supabase, id)
              const photos = await signedMessagePhotos(supabase, messages.map((m) => m.id))
              return <MessageThread customer={customer} messages={messages} photos={photos} />
            })()
          : null}
        {tab === 'loyalty'
          ? await (async () => {
              const [history, balance] = await Promise.all([
                listLoyaltyTransactions(supabase, id),
                getLoyaltyBalance(supabase, id),
              ])
              return <CustomerLoyaltyPanel customer={customer} history={history} balance={balance} />
            })()
          : null}
        {tab === 'files'
          ? await (async () => {
              // Every file of the customer: job photos, quote and invoice documents, their uploads.
              const files = await signAttachments(supabase, await listAttachments(supabase, { customerId: id }), {
                thumbnailWidth: THUMBNAIL_WIDTH,
              })
              return (
                <section aria-labelledby="customer-files-heading" className="space-y-3">
                  <h2 id="customer-files-heading" className="text-lg font-semibold">
                    Files
                  </h2>
                  {files.length === 0 ? (
                    <p className="text-sm text-slate-700">No photos or documents yet. Add them on a job, quote or invoice.</p>
                  ) : (
                    <AttachmentGrid attachments={files} />
                  )}
                </section>
              )
            })()
          : null}
        {tab === 'activity'
          ? await (async () => {
              // ?record=<job or invoice id> narrows the history to that record (its "History" link).
              const recordId = rawRecord && isUuid(rawRecord) ? rawRecord : undefined
              const [notes, events] = await Promise.all([
                listCustomerNotes(supabase, id),
                listAuditTrail(supabase, { customerId: id, recordId, limit: 100 }),
              ])
              const record = recordId ? { label: events[0]?.record_label ?? 'this record' } : undefined
              return (
                <CustomerActivityPanel
                  customer={customer}
                  notes={notes}
                  record={record}
                  history={<AuditTrail events={events} timeZone={organization.timezone} currency={organization.currency} />}
                />
              )
            })()
          : null}
      </div>
    </div>
  )
}
