import { getInvoice, listPayments, NotFoundError, ValidationError } from '@repo/database/repositories'
import { pdfResponse, renderDocumentPdf } from '@repo/documents'
import { invoiceDocument } from '@repo/documents/invoice'
import { isInvoiceVisibleToCustomer } from '@repo/domain/invoices'
import { requirePortalSession } from '@/lib/portal-session'

/** The signed-in customer's invoice as a PDF (drafts, others' invoices and bad ids: 404). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params
  const { supabase, customer, organization } = await requirePortalSession()
  const invoice = await getInvoice(supabase, id).catch((error: unknown) => {
    if (error instanceof NotFoundError || error instanceof ValidationError) return null
    throw error
  })
  if (!invoice || invoice.customer_id !== customer.id || !isInvoiceVisibleToCustomer(invoice.status)) {
    return new Response('Invoice not found', { status: 404 })
  }
  const payments = await listPayments(supabase, { invoiceId: invoice.id })
  const document = invoiceDocument({ invoice, payments, organization, customer })
  const download = new URL(request.url).searchParams.has('download')
  return pdfResponse(await renderDocumentPdf(document), document.title, download)
}
