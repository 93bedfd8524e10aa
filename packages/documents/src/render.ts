import { renderToBuffer } from '@react-pdf/renderer'
import { businessDocumentElement } from './business-document.tsx'
import type { BusinessDocument } from './types.ts'
import { withWinAnsiText } from './win-ansi.ts'

/**
 * Renders an invoice, quote or receipt to a PDF (US Letter, Helvetica) on the server. Node only:
 * call it from a route handler or a server action, never from a browser bundle.
 *
 * The bytes come back as a plain `Uint8Array` over an `ArrayBuffer` of their own, so a route
 * handler can return `new Response(pdf)` as it is (a Node `Buffer` is typed over
 * `ArrayBufferLike`, which `BodyInit` refuses).
 */
export async function renderDocumentPdf(doc: BusinessDocument): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = await renderToBuffer(businessDocumentElement(withWinAnsiText(doc)))
  return new Uint8Array(pdf)
}
