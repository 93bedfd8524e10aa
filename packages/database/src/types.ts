// Generated row types, re-exported for the apps and packages/realtime.
import type { SupabaseClient } from '@supabase/supabase-js'
import type { Database } from './database.types.ts'

export type * from './database.types.ts'
// The enum values as values (`export type *` drops them): @repo/domain reads every list from here.
export { Constants } from './database.types.ts'

/** The typed client every repository takes first. */
export type Client = SupabaseClient<Database>

type PublicSchema = Database['public']

/** Table names of the public schema. */
export type TableName = keyof PublicSchema['Tables'] & string

/** Enum names of the public schema. */
export type EnumName = keyof PublicSchema['Enums'] & string

/** Function (rpc) names of the public schema. */
export type FunctionName = keyof PublicSchema['Functions'] & string

/** A row of a public table, e.g. `Row<'jobs'>` (same as `Tables<'jobs'>`). */
export type Row<T extends TableName> = PublicSchema['Tables'][T]['Row']

/** Insert shape of a public table. */
export type RowInsert<T extends TableName> = PublicSchema['Tables'][T]['Insert']

/** Update shape of a public table. */
export type RowUpdate<T extends TableName> = PublicSchema['Tables'][T]['Update']

/** The values of a public enum, e.g. `EnumValue<'job_status'>`. */
export type EnumValue<E extends EnumName> = PublicSchema['Enums'][E]

/**
 * What an invitation e-mail says: `supabase/templates/invite.html` shows `{{ .Data.invitation_title }}`
 * and `{{ .Data.invitation_text }}`, so one template serves customers and staff (wording in
 * `@repo/domain/staff`).
 */
export interface InvitationCopy {
  invitation_title: string
  invitation_text: string
}

/** Kinds of change postgres_changes (and the change feed) report. */
export type ChangeEvent = 'INSERT' | 'UPDATE' | 'DELETE'

export type JobRow = Row<'jobs'>
export type InvoiceRow = Row<'invoices'>
export type InvoiceLineItemRow = Row<'invoice_line_items'>
export type MessageRow = Row<'messages'>
export type LoyaltyTransactionRow = Row<'loyalty_transactions'>
export type LoyaltyRewardRow = Row<'loyalty_rewards'>
export type CustomerRow = Row<'customers'>
export type CustomerNoteRow = Row<'customer_notes'>
export type StaffMemberRow = Row<'staff_members'>
export type OrganizationRow = Row<'organizations'>
export type ServiceRow = Row<'services'>
export type ChangeFeedRow = Row<'realtime_table_events'>
export type StaffNotificationRow = Row<'staff_notifications'>
export type AuditEventRow = Row<'audit_events'>
export type ReviewRow = Row<'reviews'>
export type JobStatus = EnumValue<'job_status'>
export type InvoiceStatus = EnumValue<'invoice_status'>
export type MessageSender = EnumValue<'message_sender'>
export type LoyaltyKind = EnumValue<'loyalty_kind'>
export type StaffRole = EnumValue<'staff_role'>
export type StaffNotificationKind = EnumValue<'staff_notification_kind'>
export type CustomerImportRow = Row<'customer_imports'>
export type CustomerImportStagedRow = Row<'customer_import_rows'>
export type TaxRateRow = Row<'tax_rates'>
export type QuoteRow = Row<'quotes'>
export type QuoteLineItemRow = Row<'quote_line_items'>
export type QuoteSignatureRow = Row<'quote_signatures'>
export type PaymentRow = Row<'payments'>
export type CustomerCreditRow = Row<'customer_credits'>
export type PropertyRow = Row<'properties'>
export type AttachmentRow = Row<'attachments'>
export type AttachmentKind = EnumValue<'attachment_kind'>
export type WorkingHoursRow = Row<'working_hours'>
export type TimeOffRow = Row<'time_off'>
export type TechnicianServiceRow = Row<'technician_services'>
export type QuoteStatus = EnumValue<'quote_status'>
export type PaymentMethod = EnumValue<'payment_method'>
export type PaymentStatus = EnumValue<'payment_status'>
