// Automatic JSX runtime even where no tsconfig of this package applies (tsx run from bench/).
/** @jsxRuntime automatic */
import { Image, View } from '@react-pdf/renderer'
import { styles } from './styles.ts'
import { Text } from './text.tsx'
import type { DocumentSignature } from './types.ts'

/** Notes or terms: free text from staff, as long as it is (it wraps and runs onto more pages). */
export function TextSection({ title, text }: { title: string; text: string }) {
  return (
    <View style={styles.section}>
      <Text style={styles.sectionTitle} minPresenceAhead={40}>
        {title}
      </Text>
      <Text style={styles.body}>{text}</Text>
    </View>
  )
}

// Only an inline PNG or JPEG is drawn: any other source (an http URL, a file path) would make the
// renderer fetch or read it on the server.
const IMAGE_DATA_URL = /^data:image\/(png|jpe?g);base64,[A-Za-z0-9+/]+={0,2}$/

/** An approved quote's e-signature: the drawn image, a rule, "Signed by <name> on <date>". */
export function SignatureBlock({ signature }: { signature: DocumentSignature }) {
  const image =
    signature.imageDataUrl && IMAGE_DATA_URL.test(signature.imageDataUrl)
      ? signature.imageDataUrl
      : null
  return (
    <View style={styles.signature} wrap={false}>
      <Text style={styles.sectionTitle}>Signature</Text>
      {image ? <Image src={image} style={styles.signatureImage} /> : null}
      <View style={styles.signatureRule} />
      <Text style={styles.muted}>
        Signed by {signature.name} on {signature.signedAt}
      </Text>
    </View>
  )
}

const FOOTER_TITLE_CHARS = 60

/** On every page: the footer text on the left, "<title> · Page n of m" on the right. */
export function PageFooter({ title, footer }: { title: string; footer: string | null }) {
  const shortTitle =
    title.length > FOOTER_TITLE_CHARS ? `${title.slice(0, FOOTER_TITLE_CHARS - 1)}…` : title
  return (
    <View style={styles.footer} fixed>
      <Text style={styles.footerText}>{footer ?? ''}</Text>
      <Text
        style={styles.footerPage}
        render={({ pageNumber, totalPages }) =>
          `${shortTitle} · Page ${pageNumber} of ${totalPages}`
        }
      />
    </View>
  )
}
