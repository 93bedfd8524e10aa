import { getCustomer, getInvoice, listPayments, NotFoundError, ValidationError } from '@repo/database/repositories'
import { pdfResponse, renderDocumentPdf } from '@repo/documents'
import { invoiceDocument } from '@repo/documents/invoice'
import { findStaffContext } from '@/lib/staff-context.ts'

/** Any invoice of the staff member's business as a PDF, to print or download (others: 404). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params
  const context = await findStaffContext()
  if (context === 'signed-out') return new Response('Sign in first', { status: 401 })
  if (context === 'not-staff') return new Response('No staff access', { status: 403 })
  const { supabase, organization } = context
  const invoice = await getInvoice(supabase, id).catch((error: unknown) => {
    if (error instanceof NotFoundError || error instanceof ValidationError) return null
    throw error
  })
  if (!invoice) return new Response('Invoice not found', { status: 404 })
  const [customer, payments] = await Promise.all([
    getCustomer(supabase, invoice.customer_id),
    listPayments(supabase, { invoiceId: invoice.id }),
  ])
  const document = invoiceDocument({ invoice, payments, organization, customer })
  const download = new URL(request.url).searchParams.has('download')
  return pdfResponse(await renderDocumentPdf(document), document.title, download)
}
