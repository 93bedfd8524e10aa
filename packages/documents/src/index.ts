export { PDF_CONTENT_TYPE, pdfFileName, pdfResponse } from './file-name.ts'
export { renderDocumentPdf } from './render.ts'
export type {
  BusinessDocument,
  DocumentKind,
  DocumentLine,
  DocumentParty,
  DocumentPayment,
  DocumentSignature,
  DocumentTotal,
} from './types.ts'
