// The document as the caller hands it over: every amount, quantity and date is already a string,
// formatted in the business's currency, locale and time zone. This package only lays it out.

/** The business or the customer: a name and the lines under it (address lines, phone, e-mail). */
export interface DocumentParty {
  name: string
  lines: string[]
}

/** One row of the lines table. `note` is a short remark such as "Tax 8.25%" or "Optional — not chosen". */
export interface DocumentLine {
  description: string
  detail?: string | null
  quantity: string
  unitPrice: string
  amount: string
  note?: string | null
}

/** One row of the totals block (Subtotal, Discount, Tax, Total, Paid, Balance due); `emphasis` sets it in bold. */
export interface DocumentTotal {
  label: string
  amount: string
  emphasis?: boolean
}

export interface DocumentPayment {
  date: string
  method: string
  amount: string
  note?: string | null
}

/** An approved quote's e-signature; `imageDataUrl` is a `data:image/png;base64,…` URL. */
export interface DocumentSignature {
  name: string
  signedAt: string
  imageDataUrl?: string | null
}

export type DocumentKind = 'invoice' | 'quote' | 'receipt'

export interface BusinessDocument {
  kind: DocumentKind
  /** "Invoice INV-1004" */
  title: string
  /** "Paid", "Partially paid", "Approved"… */
  status?: string | null
  business: DocumentParty
  billTo: DocumentParty
  /** Issued, Due, Valid until, Service address… */
  facts: { label: string; value: string }[]
  lines: DocumentLine[]
  /** Subtotal, Discount, Tax, Total, Paid, Balance due */
  totals: DocumentTotal[]
  payments?: DocumentPayment[]
  notes?: string | null
  terms?: string | null
  signature?: DocumentSignature | null
  footer?: string | null
}
