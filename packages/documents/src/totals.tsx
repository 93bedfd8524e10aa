// Automatic JSX runtime even where no tsconfig of this package applies (tsx run from bench/).
/** @jsxRuntime automatic */
import { View } from '@react-pdf/renderer'
import { styles } from './styles.ts'
import { Text } from './text.tsx'
import type { DocumentTotal } from './types.ts'

/** Right-aligned under the lines, kept on one page; `emphasis` rows (Total, Balance due) in bold. */
export function Totals({ totals }: { totals: DocumentTotal[] }) {
  return (
    <View style={styles.totals} wrap={false}>
      {totals.map((total, i) => {
        const emphasis = total.emphasis ? styles.emphasis : {}
        return (
          <View
            key={i}
            style={total.emphasis ? [styles.totalRow, styles.totalRowEmphasis] : styles.totalRow}
          >
            <Text style={[styles.totalLabel, emphasis]}>{total.label}</Text>
            <Text style={[styles.totalAmount, emphasis]}>{total.amount}</Text>
          </View>
        )
      })}
    </View>
  )
}
