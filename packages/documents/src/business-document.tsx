// Automatic JSX runtime even where no tsconfig of this package applies (tsx run from bench/).
/** @jsxRuntime automatic */
import { Document, Page } from '@react-pdf/renderer'
import { PageFooter, SignatureBlock, TextSection } from './closing.tsx'
import { DocumentHeader, Parties } from './header.tsx'
import { LinesTable } from './lines-table.tsx'
import { PaymentsTable } from './payments-table.tsx'
import { PAGE_SIZE, styles } from './styles.ts'
import { Totals } from './totals.tsx'
import type { BusinessDocument } from './types.ts'

const subject: Record<BusinessDocument['kind'], string> = {
  invoice: 'Invoice',
  quote: 'Quote',
  receipt: 'Receipt',
}

/** The whole document: one wrapping Letter page that react-pdf splits into as many as it needs. */
export function businessDocumentElement(doc: BusinessDocument) {
  return (
    <Document
      title={doc.title}
      author={doc.business.name}
      subject={subject[doc.kind]}
      creator={doc.business.name}
      producer={doc.business.name}
      language="en"
    >
      <Page size={PAGE_SIZE} style={styles.page} wrap>
        <DocumentHeader doc={doc} />
        <Parties doc={doc} />
        {doc.lines.length > 0 ? <LinesTable lines={doc.lines} /> : null}
        {doc.totals.length > 0 ? <Totals totals={doc.totals} /> : null}
        {doc.payments?.length ? <PaymentsTable payments={doc.payments} /> : null}
        {doc.notes ? <TextSection title="Notes" text={doc.notes} /> : null}
        {doc.terms ? <TextSection title="Terms" text={doc.terms} /> : null}
        {doc.signature ? <SignatureBlock signature={doc.signature} /> : null}
        <PageFooter title={doc.title} footer={doc.footer ?? null} />
      </Page>
    </Document>
  )
}
