'use client'

import type { DayKey } from '@repo/domain/dates'
import {
  type AbsenceSpan,
  axisHeight,
  axisHourMarks,
  gapsIn,
  type MinuteSpan,
  minutesToHeight,
  minuteToOffset,
  offsetToMinute,
  SNAP_MINUTES,
  type TimeAxis,
} from '@repo/domain/scheduling'
import { cn } from '@repo/ui/cn'
import type { ReactNode } from 'react'
import { useDragHooks } from './drag-hooks.tsx'

/** Where a drop lands: a day, and a technician (`keep`: the job's own, in the week view). */
export interface DropColumn {
  day: DayKey
  technicianId: string | 'keep'
}

/**
 * One column of the calendar (a technician's day, or a day of the week): hour lines, off hours
 * shaded, time off hatched, and the job blocks on top. Clicking an empty spot offers a new job
 * there (the page's "New job" button is the keyboard's way).
 */
export function CalendarColumn({
  id,
  label,
  drop,
  axis,
  shifts,
  timeOff,
  onPickSlot,
  children,
}: {
  id: string
  label: string
  drop: DropColumn
  axis: TimeAxis
  shifts: MinuteSpan[]
  timeOff: AbsenceSpan[]
  onPickSlot: ((drop: DropColumn, minute: number) => void) | null
  children: ReactNode
}) {
  const { setNodeRef, isOver } = useDragHooks().useDrop({ id, data: drop })
  const band = (span: MinuteSpan) => ({
    top: minuteToOffset(span.start, axis),
    height: minutesToHeight(span.end - span.start, axis),
  })
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a pointer shortcut; the "New job" button does the same from the keyboard
    // biome-ignore lint/a11y/useSemanticElements: a calendar column holds jobs, not form controls (no fieldset)
    <div
      ref={setNodeRef}
      role="group"
      aria-label={label}
      data-column={id}
      style={{ height: axisHeight(axis) }}
      className={cn(
        'relative border-l border-slate-200 bg-white',
        isOver && 'bg-sky-50',
        onPickSlot && 'cursor-copy',
      )}
      onClick={
        onPickSlot
          ? (event) => {
              const offset = event.clientY - event.currentTarget.getBoundingClientRect().top
              const minute = Math.floor(offsetToMinute(offset, axis) / SNAP_MINUTES) * SNAP_MINUTES
              onPickSlot(drop, minute)
            }
          : undefined
      }
    >
      {gapsIn(axis, shifts).map((gap) => (
        <div
          key={`off-${gap.start}`}
          aria-hidden="true"
          className="absolute inset-x-0 bg-slate-100"
          style={band(gap)}
        />
      ))}
      {timeOff.map((off) => (
        <div
          key={`away-${off.start}`}
          className="absolute inset-x-0 overflow-hidden bg-rose-50 px-1 text-[11px] text-rose-900"
          style={{
            ...band(off),
            backgroundImage:
              'repeating-linear-gradient(135deg, transparent 0 6px, rgb(254 205 211 / 0.7) 6px 12px)',
          }}
        >
          Time off{off.reason ? `: ${off.reason}` : ''}
        </div>
      ))}
      {axisHourMarks(axis).map((minute) => (
        <div
          key={minute}
          aria-hidden="true"
          className="absolute inset-x-0 border-t border-slate-200"
          style={{ top: minuteToOffset(minute, axis) }}
        />
      ))}
      {children}
    </div>
  )
}
