// What a change looks like to a person: shared by every entity's toast wording.

/** Which kind of thing a notice is about (drives its accent and label in the UI). */
export type NoticeType = 'job' | 'invoice' | 'message' | 'loyalty' | 'info'

/** A change worth telling someone about. */
export interface ChangeNotice {
  type: NoticeType
  title: string
  description?: string
  /** success for good news (paid, points earned), warning for cancellations. */
  tone: 'success' | 'info' | 'warning'
}

/** Colour family of a status badge; the UI kit maps each tone to its classes. */
export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'


/**
 * Whether an update's `old` carries `key`: Supabase sends only the primary key for some updates,
 * so a missing key means "unknown", not "unchanged".
 */
export function oldHas<T extends object>(
  old: Partial<T> | null | undefined,
  key: keyof T,
): old is Partial<T> {
  return old != null && key in old
}
