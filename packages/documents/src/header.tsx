// Automatic JSX runtime even where no tsconfig of this package applies (tsx run from bench/).
/** @jsxRuntime automatic */
import { View } from '@react-pdf/renderer'
import { styles } from './styles.ts'
import { Text } from './text.tsx'
import type { BusinessDocument, DocumentParty } from './types.ts'

export function PartyLines({ party }: { party: DocumentParty }) {
  return (
    <>
      {party.lines.map((line, i) => (
        <Text key={i} style={styles.muted}>
          {line}
        </Text>
      ))}
    </>
  )
}

/** First page only: the business top-left, the title and status top-right. */
export function DocumentHeader({ doc }: { doc: BusinessDocument }) {
  return (
    <View style={styles.header}>
      <View style={styles.headerBusiness}>
        <Text style={styles.businessName}>{doc.business.name}</Text>
        <PartyLines party={doc.business} />
      </View>
      <View style={styles.headerTitle}>
        <Text style={styles.title}>{doc.title}</Text>
        {doc.status ? <Text style={styles.status}>{doc.status}</Text> : null}
      </View>
    </View>
  )
}

const billToLabel: Record<BusinessDocument['kind'], string> = {
  invoice: 'Bill to',
  quote: 'Prepared for',
  receipt: 'Received from',
}

/** The customer on the left, the facts (Issued, Due, Service address…) on the right. */
export function Parties({ doc }: { doc: BusinessDocument }) {
  return (
    <View style={styles.parties}>
      <View style={styles.billTo}>
        <Text style={styles.label}>{billToLabel[doc.kind]}</Text>
        <Text style={styles.partyName}>{doc.billTo.name}</Text>
        <PartyLines party={doc.billTo} />
      </View>
      {doc.facts.length > 0 ? (
        <View style={styles.facts}>
          {doc.facts.map((fact, i) => (
            <View key={i} style={styles.fact}>
              <Text style={styles.factLabel}>{fact.label}</Text>
              <Text style={styles.factValue}>{fact.value}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
