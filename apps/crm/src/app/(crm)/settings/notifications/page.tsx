import { listNotificationTemplates } from '@repo/database/repositories'
import {
  templateEventLabel,
  templateEvents,
  templateVariables,
} from '@repo/notifications/template-variables'
import { can } from '@repo/domain/staff'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { BrandForm } from '@/components/settings/brand-form.tsx'
import { NotificationSettingsForm } from '@/components/settings/notification-settings-form.tsx'
import { SettingsNav } from '@/components/settings/settings-nav.tsx'
import { TemplateEditor } from '@/components/settings/template-editor.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Notification settings' }

const section = 'space-y-4 rounded-xl border border-slate-200 bg-white p-4 md:p-6'

/**
 * What customers hear from the business (owners and admins): the channels and quiet hours, the
 * colour of its e-mails, its own words per message, and the delivery log.
 */
export default async function NotificationSettingsPage() {
  const { supabase, organization, staff } = await requireStaff()
  if (!can(staff.role, 'settings.manage')) redirect('/settings')
  const templates = await listNotificationTemplates(supabase, organization.id)
  const events = templateEvents.map((event) => ({
    event,
    label: templateEventLabel(event),
    variables: templateVariables(event),
  }))

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Settings</h1>
      <SettingsNav
        active="notifications"
        showScheduling={can(staff.role, 'jobs.schedule')}
        showNotifications
      />
      <section aria-labelledby="notifications-heading" className={section}>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 id="notifications-heading" className="text-lg font-semibold">
              Customer notifications
            </h2>
            <p className="text-sm text-slate-700">
              Booked, confirmed, moved and cancelled visits, reminders, quotes, invoices and
              receipts. Customers choose for themselves in the portal too.
            </p>
          </div>
          <Link
            href="/settings/notifications/deliveries"
            className="text-sm font-medium text-sky-800 underline underline-offset-4"
          >
            Delivery log
          </Link>
        </div>
        <NotificationSettingsForm organization={organization} canEdit />
      </section>

      <section aria-labelledby="brand-heading" className={section}>
        <h2 id="brand-heading" className="text-lg font-semibold">
          Your e-mails’ look
        </h2>
        <BrandForm organization={organization} />
      </section>

      <section aria-labelledby="templates-heading" className={section}>
        <div>
          <h2 id="templates-heading" className="text-lg font-semibold">
            Your words
          </h2>
          <p className="text-sm text-slate-700">
            Write your own subject and message for any notification, with variables such as{' '}
            <code className="text-xs">{'{{customer.first_name}}'}</code>. Left empty, the default
            words go out.
          </p>
        </div>
        <TemplateEditor
          events={events}
          templates={templates.map((t) => ({
            event: t.event,
            channel: t.channel,
            subject: t.subject,
            body: t.body,
          }))}
        />
      </section>
    </div>
  )
}
