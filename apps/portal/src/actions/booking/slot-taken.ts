import { fail } from '@repo/actions/result'
import { isSlotTaken } from '@repo/database/repositories'
import { SLOT_TAKEN_MESSAGE } from '@repo/domain/booking'

/**
 * Runs a booking or a move; a time taken meanwhile (23P01) becomes a refusal on `startsAt`, which
 * tells the form to fetch fresh times. Anything else goes to the action kit's error mapping.
 */
export async function refuseTakenSlot<T>(write: () => Promise<T>) {
  try {
    return { taken: false as const, value: await write() }
  } catch (error) {
    if (isSlotTaken(error))
      return {
        taken: true as const,
        failure: fail(SLOT_TAKEN_MESSAGE, { startsAt: [SLOT_TAKEN_MESSAGE] }),
      }
    throw error
  }
}
