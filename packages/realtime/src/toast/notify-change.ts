import { type ExternalToast, toast } from '@repo/ui/toast'
import type { ChangeNotice } from '@repo/domain/realtime-tables'

/**
 * Shows a notice as a sonner toast (nothing for null, so it composes with describeChange).
 * Returns the toast id, or null when nothing was shown.
 * @example
 * notifyChange(describeChange('invoices', 'UPDATE', invoice, old), {
 *   action: { label: 'View', onClick: () => router.push(`/invoices/${invoice.id}`) },
 * })
 */
export function notifyChange(
  notice: ChangeNotice | null,
  options: ExternalToast = {},
): string | number | null {
  if (!notice) return null
  const toastOptions: ExternalToast = { description: notice.description, ...options }
  if (notice.tone === 'success') return toast.success(notice.title, toastOptions)
  if (notice.tone === 'warning') return toast.warning(notice.title, toastOptions)
  return toast.info(notice.title, toastOptions)
}
