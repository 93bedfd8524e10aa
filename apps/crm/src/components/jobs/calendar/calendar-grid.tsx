'use client'

import type { JobRow } from '@repo/database/types'
import { type DayKey, formatDayKey } from '@repo/domain/dates'
import { isJobOpen } from '@repo/domain/jobs'
import {
  axisHeight,
  axisHourMarks,
  formatHourMark,
  layoutColumn,
  type MinuteSpan,
  minutesToHeight,
  minuteToOffset,
  shiftsOn,
  spanOnDay,
  type TimeAxis,
  timeOffOn,
} from '@repo/domain/scheduling'
import Link from 'next/link'
import type { CalendarData } from './calendar-data.ts'
import { CalendarColumn, type DropColumn } from './calendar-column.tsx'
import { useDragHooks } from './drag-hooks.tsx'
import { JobBlock } from './job-block.tsx'
import type { TechnicianColor } from './technician-colors.ts'

export interface GridColumn {
  id: string
  label: string
  /** Shown above the column (a technician's name, or a day linking to its day view). */
  heading: { text: string; href?: string; dot?: string }
  drop: DropColumn
  /** Whose jobs and hours the column shows. */
  staffIds: string[]
  /** Show jobs of these technicians only (null: any assigned job of the day). */
  technicianId: string | null
}

/** Day view: a column per technician; week view: a column per day with everyone's jobs. */
export function gridColumns(
  data: CalendarData,
  colorOf: (id: string | null) => TechnicianColor,
): GridColumn[] {
  if (data.view === 'day') {
    const day = data.days[0] as DayKey
    return data.technicians.map((t) => ({
      id: `${t.id}:${day}`,
      label: `${t.full_name}, ${formatDayKey(day)}`,
      heading: { text: t.full_name, dot: colorOf(t.id).dot },
      drop: { day, technicianId: t.id },
      staffIds: [t.id],
      technicianId: t.id,
    }))
  }
  const everyone = data.technicians.map((t) => t.id)
  return data.days.map((day) => ({
    id: `week:${day}`,
    label: formatDayKey(day),
    heading: { text: formatDayKey(day), href: `/jobs?view=day&date=${day}` },
    drop: { day, technicianId: 'keep' },
    staffIds: everyone,
    technicianId: null,
  }))
}

const clip = <T extends MinuteSpan>(span: T, axis: MinuteSpan): T | null => {
  const start = Math.max(span.start, axis.start)
  const end = Math.min(span.end, axis.end)
  return end > start ? { ...span, start, end } : null
}

export function CalendarGrid({
  data,
  jobs,
  columns,
  axis,
  timeZone,
  colorOf,
  customerNames,
  canSchedule,
  resizing,
  onOpen,
  onPickSlot,
}: {
  data: CalendarData
  jobs: JobRow[]
  columns: GridColumn[]
  axis: TimeAxis
  timeZone: string
  colorOf: (id: string | null) => TechnicianColor
  customerNames: Record<string, string>
  canSchedule: boolean
  /** A block being stretched: its length so far, in minutes. */
  resizing: { jobId: string; minutes: number } | null
  onOpen: (jobId: string) => void
  onPickSlot: ((drop: DropColumn, minute: number) => void) | null
}) {
  const minWidth = data.view === 'day' ? '11rem' : '8.5rem'
  const { ready } = useDragHooks()
  return (
    // A keyboard stop of its own, so the arrow keys scroll the columns sideways on a small screen.
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      aria-label="Calendar"
      className="max-w-full overflow-x-auto rounded-xl border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-sky-700"
      data-testid="calendar"
      data-hour-height={axis.hourHeight}
      data-drag-ready={ready || undefined}
    >
      <div
        className="grid min-w-fit"
        style={{
          gridTemplateColumns: `3.5rem repeat(${columns.length}, minmax(${minWidth}, 1fr))`,
        }}
      >
        <div className="border-b border-slate-200" />
        {columns.map((column) => (
          <div
            key={column.id}
            className="flex min-w-0 items-center gap-1.5 border-b border-l border-slate-200 px-2 py-2 text-sm font-semibold"
          >
            {column.heading.dot ? (
              <span
                aria-hidden="true"
                className={`size-2.5 shrink-0 rounded-full ${column.heading.dot}`}
              />
            ) : null}
            {column.heading.href ? (
              <Link href={column.heading.href} className="truncate text-sky-800 hover:underline">
                {column.heading.text}
              </Link>
            ) : (
              <span className="truncate">{column.heading.text}</span>
            )}
          </div>
        ))}
        <div aria-hidden="true" className="relative" style={{ height: axisHeight(axis) }}>
          {axisHourMarks(axis).map((minute) => (
            <span
              key={minute}
              className="absolute right-1.5 -translate-y-1/2 text-[11px] text-slate-600"
              style={{
                top: Math.min(Math.max(minuteToOffset(minute, axis), 6), axisHeight(axis) - 6),
              }}
            >
              {formatHourMark(minute)}
            </span>
          ))}
        </div>
        {columns.map((column) => {
          const { day } = column.drop
          const items = jobs.flatMap((job) => {
            if (job.technician_id === null) return []
            if (column.technicianId !== null && job.technician_id !== column.technicianId) return []
            const span = spanOnDay(
              { start: job.scheduled_start, end: job.scheduled_end },
              day,
              timeZone,
            )
            if (!span) return []
            const end = resizing?.jobId === job.id ? span.start + resizing.minutes : span.end
            return [{ id: job.id, start: span.start, end, job }]
          })
          const timeOff =
            column.technicianId === null
              ? []
              : timeOffOn(data.timeOff, column.technicianId, day, timeZone).flatMap(
                  (s) => clip(s, axis) ?? [],
                )
          return (
            <CalendarColumn
              key={column.id}
              id={column.id}
              label={column.label}
              drop={column.drop}
              axis={axis}
              shifts={shiftsOn(data.workingHours, column.staffIds, day)}
              timeOff={timeOff}
              onPickSlot={onPickSlot}
            >
              {layoutColumn(items).map((item) => (
                <JobBlock
                  key={item.id}
                  job={item.job}
                  placement={{
                    top: minuteToOffset(item.start, axis),
                    height: minutesToHeight(item.end - item.start, axis),
                    lane: item.lane,
                    lanes: item.lanes,
                  }}
                  customerName={customerNames[item.job.customer_id]}
                  color={colorOf(item.job.technician_id)}
                  timeZone={timeZone}
                  draggable={canSchedule && isJobOpen(item.job.status)}
                  selected={item.id === data.selectedJobId}
                  onOpen={onOpen}
                />
              ))}
            </CalendarColumn>
          )
        })}
      </div>
    </section>
  )
}
