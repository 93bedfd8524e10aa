'use client'

import {
  type PositionFix,
  type PositionMessage,
  shouldSharePosition,
} from '@repo/domain/field-work'
import { useTechnicianPosition } from '@repo/realtime/hooks'
import { useEffect, useRef, useState } from 'react'
import { shareJobPositionAction } from '@/actions/field-work/field-work-actions.ts'

type Sharing = 'asking' | 'sharing' | 'denied' | 'unavailable'

const wording: Record<Sharing, string> = {
  asking: 'Asking for your location…',
  sharing: 'Sharing your location with the customer until you start.',
  denied: 'Location is off: the customer sees the office’s estimate instead.',
  unavailable: 'No location on this device: the customer sees the office’s estimate instead.',
}

/**
 * While a technician is on the way: watches the phone's position and shares it, at most every
 * 15 s or 100 m, on the job's private channel (live) and as the job's last known position (for
 * pages opened later). Unmounting (Start) stops the watch.
 */
export function PositionSharing({ jobId }: { jobId: string }) {
  const { send, isConnected } = useTechnicianPosition(jobId)
  const [state, setState] = useState<Sharing>('asking')
  const lastShared = useRef<PositionFix | null>(null)
  const lastMessage = useRef<PositionMessage | null>(null)
  const sendRef = useRef(send)
  sendRef.current = send

  // A fix taken before the channel was joined goes out as soon as it is.
  useEffect(() => {
    if (isConnected && lastMessage.current) sendRef.current(lastMessage.current)
  }, [isConnected])

  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setState('unavailable')
      return
    }
    const watch = navigator.geolocation.watchPosition(
      (fix) => {
        setState('sharing')
        const next = {
          latitude: fix.coords.latitude,
          longitude: fix.coords.longitude,
          at: fix.timestamp || Date.now(),
        }
        if (!shouldSharePosition(lastShared.current, next)) return
        lastShared.current = next
        const message: PositionMessage = {
          latitude: next.latitude,
          longitude: next.longitude,
          accuracy: Number.isFinite(fix.coords.accuracy) ? fix.coords.accuracy : null,
          recordedAt: new Date(next.at).toISOString(),
        }
        lastMessage.current = message
        sendRef.current(message)
        void shareJobPositionAction({ jobId, ...message })
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, maximumAge: 10_000 },
    )
    return () => navigator.geolocation.clearWatch(watch)
  }, [jobId])

  return (
    <p role="status" className="rounded-lg bg-sky-50 p-3 text-sm text-sky-900" data-sharing={state}>
      {wording[state]}
    </p>
  )
}
