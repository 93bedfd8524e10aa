'use client'

import {
  arrivalView,
  describeArrival,
  type GeoPoint,
  type PositionMessage,
  straightLineEstimator,
} from '@repo/domain/field-work'
import { useTechnicianPosition } from '@repo/realtime/hooks'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { latestPositionAction } from '@/actions/appointments/latest-position-action'
import { ArrivalMap } from './arrival-map'
import { TechnicianAvatar } from './technician-avatar'

export interface TechnicianArrivalProps {
  jobId: string
  technicianFirstName: string | null
  /** The technician's photo (public URL), or null: their initials show instead. */
  technicianPhotoUrl: string | null
  technicianInitials: string
  /** A map tile URL template; null: no map. */
  mapTileUrl: string | null
  /** The property's coordinates; without them there is no countdown, only the office's estimate. */
  destination: GeoPoint | null
  /** The last known position when the page was rendered. */
  initial: PositionMessage | null
  /** The office's time for the visit ("10:30 AM"), shown when no live estimate can be. */
  officeEstimate: string
  speedKmh: number
}

/**
 * "Tom is on the way, arriving in about 12 minutes", live from the technician's position on the
 * job's private channel. With no position, or an old one, it says so instead of counting down.
 */
export function TechnicianArrival(props: TechnicianArrivalProps) {
  const { jobId } = props
  const loadLatest = useCallback(async () => {
    const result = await latestPositionAction({ jobId })
    return result.ok ? result.data : null
  }, [jobId])
  const { position } = useTechnicianPosition(jobId, { initial: props.initial, loadLatest })
  const estimator = useMemo(() => straightLineEstimator(props.speedKmh), [props.speedKmh])
  // Re-read the clock so a position that stops coming turns into "last update n min ago".
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 15_000)
    return () => clearInterval(timer)
  }, [position])
  const seconds =
    position && props.destination ? estimator.estimateSeconds(position, props.destination) : null
  const view = arrivalView({
    etaSeconds: typeof seconds === 'number' ? seconds : null,
    recordedAt: position?.recordedAt ?? null,
    now,
  })
  const { headline, detail } = describeArrival(
    props.technicianFirstName,
    view,
    props.officeEstimate,
  )
  return (
    <div
      role="status"
      aria-live="polite"
      className="rounded-xl border border-sky-200 bg-sky-50 p-4"
      data-testid="technician-arrival"
    >
      <div className="flex items-center gap-3">
        <TechnicianAvatar photoUrl={props.technicianPhotoUrl} initials={props.technicianInitials} />
        <div className="min-w-0">
          <p className="text-lg font-semibold text-sky-900">{headline}</p>
          {detail ? <p className="text-sm text-sky-800">{detail}</p> : null}
        </div>
      </div>
      {props.mapTileUrl && position ? (
        <ArrivalMap template={props.mapTileUrl} position={position} />
      ) : null}
    </div>
  )
}
