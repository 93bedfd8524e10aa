// Automatic JSX runtime even where no tsconfig of this package applies (tsx run from bench/).
/** @jsxRuntime automatic */
import { View } from '@react-pdf/renderer'
import { styles } from './styles.ts'
import { Text } from './text.tsx'
import type { DocumentPayment } from './types.ts'

/** Payments received: date, method (with its note in smaller grey text), amount. */
export function PaymentsTable({ payments }: { payments: DocumentPayment[] }) {
  return (
    <View style={styles.section}>
      <Text style={styles.sectionTitle} minPresenceAhead={60}>
        Payments
      </Text>
      <View style={styles.table}>
        <View style={styles.headRow} fixed>
          <Text style={[styles.headCell, styles.cellDate]}>Date</Text>
          <Text style={[styles.headCell, styles.cellDescription]}>Method</Text>
          <Text style={[styles.headCell, styles.cellMoney]}>Amount</Text>
        </View>
        {payments.map((payment, i) => (
          <View key={i} style={styles.row} wrap={false}>
            <Text style={[styles.text, styles.cellDate]}>{payment.date}</Text>
            <View style={styles.cellDescription}>
              <Text style={styles.text}>{payment.method}</Text>
              {payment.note ? <Text style={styles.small}>{payment.note}</Text> : null}
            </View>
            <Text style={[styles.text, styles.cellMoney]}>{payment.amount}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
