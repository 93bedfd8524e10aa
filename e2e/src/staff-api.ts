import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { demo } from './demo-data.ts'
import { e2eEnv } from './env.ts'

/**
 * A staff member using the API directly (as the CRM would): writes rows that customers should see
 * live. RLS applies, so these helpers also prove staff may do what the CRM does.
 */
export class StaffApi {
  private constructor(readonly client: SupabaseClient) {}

  static async signIn(email: string = demo.staff.office): Promise<StaffApi> {
    const client = createClient(e2eEnv.supabaseUrl, e2eEnv.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      // Node 20 has no global WebSocket; the API client never subscribes but realtime-js checks.
      realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    })
    const { error } = await client.auth.signInWithPassword({ email, password: demo.password })
    if (error) throw new Error(`staff sign-in failed for ${email}: ${error.message}`)
    return new StaffApi(client)
  }

  private async one<T>(promise: PromiseLike<{ data: T | null; error: { message: string } | null }>, what: string): Promise<T> {
    const { data, error } = await promise
    if (error || data === null) throw new Error(`${what} failed: ${error?.message ?? 'no data'}`)
    return data
  }

  scheduleJob(customerId: string, title: string, startsInDays = 5, technicianId: string | null = null) {
    const start = new Date(Date.now() + startsInDays * 86_400_000)
    start.setUTCMinutes(0, 0, 0)
    return this.one<{ id: string; title: string }>(
      this.client
        .from('jobs')
        .insert({
          organization_id: demo.organizationId,
          customer_id: customerId,
          title,
          status: 'scheduled',
          technician_id: technicianId,
          scheduled_start: start.toISOString(),
          scheduled_end: new Date(start.getTime() + 2 * 3600_000).toISOString(),
          price_cents: 12_500,
        })
        .select('id, title')
        .single(),
      'scheduling a job',
    )
  }

  setJobStatus(jobId: string, status: string) {
    return this.one(this.client.from('jobs').update({ status }).eq('id', jobId).select('id, status').single(), 'updating a job')
  }

  /** Creates a draft with one line, then sends it (the database numbers it). */
  async sendInvoice(customerId: string, amountCents: number, jobId: string | null = null) {
    const invoice = await this.one<{ id: string }>(
      this.client
        .from('invoices')
        .insert({ organization_id: demo.organizationId, customer_id: customerId, job_id: jobId, status: 'draft' })
        .select('id')
        .single(),
      'creating an invoice',
    )
    await this.one(
      this.client
        .from('invoice_line_items')
        .insert({ invoice_id: invoice.id, description: 'Carpet cleaning', quantity: 1, unit_price_cents: amountCents, position: 1 })
        .select('id')
        .single(),
      'adding a line item',
    )
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString()
    return this.one<{ id: string; number: string }>(
      this.client
        .from('invoices')
        .update({ status: 'sent', issued_at: new Date().toISOString(), due_at: due })
        .eq('id', invoice.id)
        .select('id, number')
        .single(),
      'sending an invoice',
    )
  }

  /** Records a cash payment, as "Record payment" in the CRM does (the database checks the balance). */
  recordCashPayment(invoiceId: string, amountCents: number) {
    return this.one<{ id: string; status: string }>(
      this.client.rpc('record_payment', { p_invoice_id: invoiceId, p_amount_cents: amountCents, p_method: 'cash' }).single(),
      'recording a payment',
    )
  }

  async sendMessage(customerId: string, body: string) {
    const { data } = await this.client.auth.getUser()
    return this.one<{ id: string }>(
      this.client
        .from('messages')
        .insert({
          organization_id: demo.organizationId,
          customer_id: customerId,
          sender_type: 'staff',
          sender_user_id: data.user?.id ?? null,
          body,
        })
        .select('id')
        .single(),
      'sending a message',
    )
  }

  awardPoints(customerId: string, points: number, description: string) {
    return this.one<{ id: string }>(
      this.client
        .from('loyalty_transactions')
        .insert({ organization_id: demo.organizationId, customer_id: customerId, points, kind: 'bonus', description })
        .select('id')
        .single(),
      'awarding points',
    )
  }

  markCustomerMessagesRead(customerId: string) {
    return this.client
      .from('messages')
      .update({ read_at: new Date().toISOString() })
      .eq('customer_id', customerId)
      .eq('sender_type', 'customer')
      .is('read_at', null)
      .select('id')
  }

  /** A customer of the demo business, as the office adds one (no property, no portal login). */
  createCustomer(fields: { first_name: string; last_name: string; email?: string; phone?: string; tags?: string[] }) {
    return this.one<{ id: string }>(
      this.client
        .from('customers')
        .insert({ organization_id: demo.organizationId, ...fields })
        .select('id')
        .single(),
      'adding a customer',
    )
  }

  async signOut() {
    await this.client.auth.signOut()
  }

  /** A job at an exact window (ISO instants), with or without a technician (the calendar's stories). */
  scheduleJobAt(input: {
    customerId: string
    title: string
    start: string
    end: string
    technicianId?: string | null
    status?: 'requested' | 'scheduled' | 'confirmed'
  }) {
    return this.one<{ id: string; title: string; scheduled_start: string }>(
      this.client
        .from('jobs')
        .insert({
          organization_id: demo.organizationId,
          customer_id: input.customerId,
          title: input.title,
          status: input.status ?? 'scheduled',
          technician_id: input.technicianId ?? null,
          scheduled_start: input.start,
          scheduled_end: input.end,
          price_cents: 9_900,
        })
        .select('id, title, scheduled_start')
        .single(),
      'scheduling a job at a time',
    )
  }

  /** One job's calendar fields, read back to prove what was (or was not) saved. */
  getJobWindow(jobId: string) {
    return this.one<{ technician_id: string | null; scheduled_start: string; scheduled_end: string; status: string }>(
      this.client.from('jobs').select('technician_id, scheduled_start, scheduled_end, status').eq('id', jobId).single(),
      'reading a job',
    )
  }
}
