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

/** The HTTP answer for a rendered PDF: shown in the browser, or saved when `download` is set. */
export function pdfResponse(bytes: Uint8Array<ArrayBuffer>, title: string, download: boolean): Response {
  return new Response(bytes, {
    headers: {
      'content-type': PDF_CONTENT_TYPE,
      'content-disposition': `${download ? 'attachment' : 'inline'}; filename="${pdfFileName(title)}"`,
      // A customer's or business's own records: never cached by a shared cache.
      'cache-control': 'private, no-store',
    },
  })
}
