export const PDF_CONTENT_TYPE = 'application/pdf'

/**
 * A download name from a document title: "Invoice INV-1004" -> "invoice-inv-1004.pdf". Lower-case
 * ASCII letters, digits and single hyphens only (accents are dropped to their base letter), so the
 * name is safe in a `Content-Disposition` header and on every file system; at most 100 characters
 * before `.pdf`; "document.pdf" when nothing usable is left.
 */
export function pdfFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 100)
    .replace(/^-+|-+$/g, '')
  return `${slug || 'document'}.pdf`
}
