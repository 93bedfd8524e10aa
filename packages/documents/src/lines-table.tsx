// Automatic JSX runtime even where no tsconfig of this package applies (tsx run from bench/).
/** @jsxRuntime automatic */
import { View } from '@react-pdf/renderer'
import { styles } from './styles.ts'
import { Text } from './text.tsx'
import type { DocumentLine } from './types.ts'

/**
 * The lines: description (with its detail and note in smaller grey text), quantity, unit price and
 * amount, numbers right-aligned. The header row is `fixed`, so when the table runs onto another page
 * it is repeated at the top of the table's part there; a row is never split between two pages.
 */
export function LinesTable({ lines }: { lines: DocumentLine[] }) {
  return (
    <View style={styles.table}>
      <View style={styles.headRow} fixed>
        <Text style={[styles.headCell, styles.cellDescription]}>Description</Text>
        <Text style={[styles.headCell, styles.cellQuantity]}>Qty</Text>
        <Text style={[styles.headCell, styles.cellMoney]}>Unit price</Text>
        <Text style={[styles.headCell, styles.cellMoney]}>Amount</Text>
      </View>
      {lines.map((line, i) => (
        <View key={i} style={styles.row} wrap={false}>
          <View style={styles.cellDescription}>
            <Text style={styles.text}>{line.description}</Text>
            {line.detail ? <Text style={styles.small}>{line.detail}</Text> : null}
            {line.note ? <Text style={styles.small}>{line.note}</Text> : null}
          </View>
          <Text style={[styles.text, styles.cellQuantity]}>{line.quantity}</Text>
          <Text style={[styles.text, styles.cellMoney]}>{line.unitPrice}</Text>
          <Text style={[styles.text, styles.cellMoney]}>{line.amount}</Text>
        </View>
      ))}
    </View>
  )
}
