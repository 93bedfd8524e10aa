// What a customer is told about a change to each notifying table of the registry. Keyed by the
// registry's tables: a table with a notification kind and no rule here does not compile.
import type { ChangeEvent, Row } from '@repo/database/types'
import {
  describeAttachmentChange,
  isAttachmentNewsToCustomer,
} from '../attachments/attachment-notices.ts'
import type { TimeZone } from '../dates/zone.ts'
import { describeInvoiceChange } from '../invoices/invoice-notices.ts'
import { describeJobChange } from '../jobs/job-notices.ts'
import { describeLoyaltyChange } from '../loyalty/loyalty-notices.ts'
import { describeMessageChange, isNewsTo } from '../messages/message-notices.ts'
import type { ChangeNotice } from '../notice.ts'
import { describePaymentChange } from '../payments/payment-notices.ts'
import { describeQuoteChange } from '../quotes/quote-notices.ts'
import type { NotifyingTable } from './registry.ts'

export interface CustomerToastRule<Table extends NotifyingTable> {
  /** What the customer is told about a change (null for noise). */
  describe(
    event: ChangeEvent,
    row: Row<Table> | null,
    old: Partial<Row<Table>> | null,
    timeZone: TimeZone,
    /** The business's (ISO 4217), for amounts. */
    currency?: string,
  ): ChangeNotice | null
  /** Whether a row is news to the customer at all (their own writes are not). */
  newsToCustomer?(row: Row<Table>): boolean
}

export const customerToasts: { [T in NotifyingTable]: CustomerToastRule<T> } = {
  jobs: { describe: describeJobChange },
  invoices: { describe: describeInvoiceChange },
  messages: { describe: describeMessageChange, newsToCustomer: (row) => isNewsTo('customer', row) },
  loyalty_transactions: { describe: describeLoyaltyChange },
  quotes: { describe: describeQuoteChange },
  payments: { describe: describePaymentChange },
  attachments: { describe: describeAttachmentChange, newsToCustomer: isAttachmentNewsToCustomer },
}
