// Toast wording for attachments: a customer is told when the business adds a photo or a document.
import type { AttachmentRow, ChangeEvent } from '@repo/database/types'
import type { ChangeNotice } from '../notice.ts'

/** A new photo of a job or a new document; null for removals and the customer's own uploads. */
export function describeAttachmentChange(
  event: ChangeEvent,
  row: AttachmentRow | null,
): ChangeNotice | null {
  if (event !== 'INSERT' || !row || row.kind === 'customer_upload') return null
  if (row.kind === 'document') {
    const on = row.quote_id ? 'your quote' : row.invoice_id ? 'your invoice' : 'your account'
    return {
      type: 'info',
      tone: 'info',
      title: 'New document',
      description: `${row.name} was added to ${on}`,
    }
  }
  const which =
    row.kind === 'before' ? 'A before photo' : row.kind === 'after' ? 'An after photo' : 'A photo'
  return {
    type: 'job',
    tone: 'info',
    title: 'New photo',
    description: `${which} was added to your appointment`,
  }
}

/** The customer's own uploads are not news to them. */
export const isAttachmentNewsToCustomer = (row: Pick<AttachmentRow, 'kind'>) =>
  row.kind !== 'customer_upload'
