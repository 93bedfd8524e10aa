'use client'

import type { Slot } from '@repo/domain/booking'
import type { DayKey } from '@repo/domain/dates'
import { useCallback, useEffect, useRef, useState } from 'react'
import { findSlotsAction } from '@/actions/booking/find-slots-action'

/** Free times of one page (two weeks from `first`) for one service. */
export interface SlotPage {
  serviceId: string
  first: DayKey
  slots: Slot[]
}

export interface OpenSlots {
  page: SlotPage | null
  loading: boolean
  error: string | null
  /** Loads the page starting at `first` (the current page again when omitted); resolves to its slots. */
  load: (first?: DayKey) => Promise<Slot[] | null>
}

/**
 * The free times of a service, a page at a time, fetched through a Server Action (the database
 * computes them). A page the server already rendered is used as is; a newer request wins over an
 * older one still on its way.
 */
export function useOpenSlots(options: {
  serviceId: string | null
  jobId?: string
  today: DayKey
  initial: SlotPage | null
}): OpenSlots {
  const { serviceId, jobId, today } = options
  const [page, setPage] = useState<SlotPage | null>(options.initial)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)
  const current = useRef(page)
  current.current = page

  const load = useCallback(
    async (first?: DayKey) => {
      if (!serviceId) return null
      const request = ++latest.current
      const from =
        first ?? (current.current?.serviceId === serviceId ? current.current.first : today)
      setLoading(true)
      setError(null)
      const result = await findSlotsAction({ serviceId, from, ...(jobId ? { jobId } : {}) }).catch(
        () => ({
          ok: false as const,
          error: 'We could not load the free times. Check your connection and try again.',
        }),
      )
      if (request !== latest.current) return null
      setLoading(false)
      if (!result.ok) {
        setError(result.error)
        return null
      }
      setPage({ serviceId, first: from, slots: result.data })
      return result.data
    },
    [serviceId, jobId, today],
  )

  // A newly chosen service starts at today's page.
  useEffect(() => {
    if (serviceId && current.current?.serviceId !== serviceId) void load(today)
  }, [serviceId, today, load])

  return { page: page?.serviceId === serviceId ? page : null, loading, error, load }
}
