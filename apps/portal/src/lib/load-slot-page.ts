import 'server-only'
import { createLogger } from '@repo/actions/logger'
import { listOpenSlots } from '@repo/database/repositories'
import type { Client } from '@repo/database/types'
import { SLOT_PAGE_DAYS } from '@repo/domain/booking'
import { type DayKey, startOfZonedDay } from '@repo/domain/dates'
import type { SlotPage } from '@/components/booking/use-open-slots'

const log = createLogger('slots')

/**
 * The first page of free times, rendered with the page so the picker needs no round trip. Null
 * when they cannot be loaded: the picker then fetches them itself and says what went wrong.
 */
export async function loadSlotPage(
  supabase: Client,
  query: { serviceId: string; first: DayKey; timeZone: string; jobId?: string },
): Promise<SlotPage | null> {
  try {
    const slots = await listOpenSlots(supabase, {
      serviceId: query.serviceId,
      from: startOfZonedDay(query.first, query.timeZone).toISOString(),
      days: SLOT_PAGE_DAYS,
      ...(query.jobId ? { jobId: query.jobId } : {}),
    })
    return {
      serviceId: query.serviceId,
      first: query.first,
      slots: slots.map(({ starts_at, ends_at }) => ({ starts_at, ends_at })),
    }
  } catch (error) {
    log.warn('free times not preloaded', { serviceId: query.serviceId, message: String(error) })
    return null
  }
}
