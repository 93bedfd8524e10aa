/** A position older than this is not counted down from: the customer sees when it was taken. */
export const POSITION_STALE_AFTER_MS = 2 * 60_000

export type ArrivalView =
  | { kind: 'live'; minutes: number }
  | { kind: 'stale'; minutesAgo: number }
  | { kind: 'no-position' }

/** What the customer can be told about a technician on the way. */
export function arrivalView(input: {
  etaSeconds: number | null
  recordedAt: string | null
  now: number
}): ArrivalView {
  if (input.recordedAt === null || input.etaSeconds === null) return { kind: 'no-position' }
  const age = input.now - Date.parse(input.recordedAt)
  if (age > POSITION_STALE_AFTER_MS)
    return { kind: 'stale', minutesAgo: Math.max(1, Math.floor(age / 60_000)) }
  return { kind: 'live', minutes: Math.max(1, Math.round(input.etaSeconds / 60)) }
}

/** "Tom is on the way, arriving in about 12 minutes." and its fallbacks. */
export function describeArrival(
  firstName: string | null,
  view: ArrivalView,
  officeEstimate: string | null,
): { headline: string; detail: string | null } {
  const who = firstName ? `${firstName} is` : 'Your technician is'
  if (view.kind === 'live') {
    return {
      headline: `${who} on the way, arriving in about ${view.minutes} minute${view.minutes === 1 ? '' : 's'}`,
      detail: null,
    }
  }
  const estimate = officeEstimate ? `Expected around ${officeEstimate}` : null
  if (view.kind === 'stale') {
    return {
      headline: `${who} on the way`,
      detail: [estimate, `last update ${view.minutesAgo} min ago`].filter(Boolean).join(' · '),
    }
  }
  return { headline: `${who} on the way`, detail: estimate }
}

/** The first word of a full name ("Tom Becker" → "Tom"). */
export function firstNameOf(fullName: string | null | undefined): string | null {
  const first = fullName?.trim().split(/\s+/)[0]
  return first ? first : null
}
