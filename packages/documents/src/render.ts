import { renderToBuffer } from '@react-pdf/renderer'
import { businessDocumentElement } from './business-document.tsx'
import type { BusinessDocument } from './types.ts'
import { withWinAnsiText } from './win-ansi.ts'

/**
 * Renders an invoice, quote or receipt to a PDF (US Letter, Helvetica) on the server. Node only:
 * call it from a route handler or a server action, never from a browser bundle.
 */
export function renderDocumentPdf(doc: BusinessDocument): Promise<Buffer> {
  return renderToBuffer(businessDocumentElement(withWinAnsiText(doc)))
}
