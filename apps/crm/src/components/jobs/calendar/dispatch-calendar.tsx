'use client'

import type { Announcements, DragEndEvent, DragMoveEvent, DragStartEvent } from '@dnd-kit/core'
import type { JobRow } from '@repo/database/types'
import { dayKey, formatDayKey, formatTime } from '@repo/domain/dates'
import {
  droppedStart,
  heightToMinutes,
  type MinuteSpan,
  minuteOfDay,
  minutesBetween,
  offsetToMinute,
  resizedDuration,
  shiftsOn,
  spanOnDay,
  type TimeAxis,
  visibleHours,
  windowAt,
} from '@repo/domain/scheduling'
import { can } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import { lazy, Suspense, useEffect, useMemo, useOptimistic, useState } from 'react'
import { moveJobAction } from '@/actions/jobs/move-job-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { useFeedRefresh } from '@/live/use-feed-refresh.ts'
import type { CalendarData } from './calendar-data.ts'
import type { DropColumn } from './calendar-column.tsx'
import { CalendarGrid, gridColumns } from './calendar-grid.tsx'
import type { DragLayer as DragLayerComponent } from './drag-layer.tsx'
import type { DragJob } from './job-block.tsx'
import type { NewJobPreset } from './new-job-dialog.tsx'
import { SidePanel } from './side-panel.tsx'
import { technicianColors } from './technician-colors.ts'
import { useScheduleSave } from './use-schedule-save.tsx'

// Dialogs load the first time one opens, not with the calendar.
const MoveJobDialog = lazy(() =>
  import('./move-job-dialog.tsx').then((m) => ({ default: m.MoveJobDialog })),
)
const NewJobDialog = lazy(() =>
  import('./new-job-dialog.tsx').then((m) => ({ default: m.NewJobDialog })),
)
const JobDetailsDialog = lazy(() =>
  import('./job-details-dialog.tsx').then((m) => ({ default: m.JobDetailsDialog })),
)
const DeclineRequestDialog = lazy(() =>
  import('./decline-request-dialog.tsx').then((m) => ({ default: m.DeclineRequestDialog })),
)

type OpenDialog =
  | { kind: 'details' | 'move' | 'decline'; jobId: string }
  | { kind: 'new'; preset: NewJobPreset }
  | null

type JobPatch = Pick<JobRow, 'id' | 'technician_id' | 'scheduled_start' | 'scheduled_end'>

const HOUR_HEIGHT = 64
const LIVE_TABLES = [
  'jobs',
  'customers',
  'properties',
  'staff_members',
  'working_hours',
  'time_off',
  'services',
] as const

/** Where a drag would put its job, if it were dropped now. */
interface DropTarget {
  job: JobRow
  day: string
  technicianId: string | null
  startMinute: number
  duration: number
}

/**
 * The dispatch calendar: technicians' days (day view) or the week, jobs as blocks, booking requests
 * and unassigned jobs beside it. Drags and the Move dialog save through one action with the same
 * conflict check; every change anyone makes arrives through the change feed and re-renders.
 */
export function DispatchCalendar({ data }: { data: CalendarData }) {
  const session = useStaffSession()
  const { timeZone } = session
  useFeedRefresh(LIVE_TABLES)
  const canSchedule = can(session.role, 'jobs.schedule')
  const [jobs, applyPatch] = useOptimistic(data.jobs, (current: JobRow[], patch: JobPatch) =>
    current.map((job) => (job.id === patch.id ? { ...job, ...patch } : job)),
  )
  const [open, setOpen] = useState<OpenDialog>(null)
  const [dragging, setDragging] = useState<{
    jobId: string
    kind: DragJob['kind']
    label: string | null
  } | null>(null)
  const [resizing, setResizing] = useState<{ jobId: string; minutes: number } | null>(null)
  const move = useScheduleSave(moveJobAction, { success: 'Job moved' })
  // The drag-and-drop layer loads once the calendar is on screen and hydrated: the grid, the
  // dialogs and the keyboard's Move work without it.
  const [DragLayer, setDragLayer] = useState<typeof DragLayerComponent | null>(null)
  useEffect(() => {
    let mounted = true
    void import('./drag-layer.tsx').then((m) => {
      if (mounted) setDragLayer(() => m.DragLayer)
    })
    return () => {
      mounted = false
    }
  }, [])

  const byId = useMemo(() => new Map(jobs.map((j) => [j.id, j])), [jobs])
  const colorOf = useMemo(
    () => technicianColors(data.technicians.map((t) => t.id)),
    [data.technicians],
  )
  const columns = useMemo(() => gridColumns(data, colorOf), [data, colorOf])
  const inDays = (job: JobRow) => data.days.includes(dayKey(job.scheduled_start, timeZone))
  const requests = jobs.filter((j) => j.status === 'requested')
  const unassigned = jobs.filter(
    (j) => j.technician_id === null && j.status !== 'requested' && inDays(j),
  )

  const axis: TimeAxis = useMemo(() => {
    const spans: MinuteSpan[] = []
    for (const day of data.days) {
      for (const job of jobs) {
        const span = job.technician_id
          ? spanOnDay({ start: job.scheduled_start, end: job.scheduled_end }, day, timeZone)
          : null
        if (span) spans.push(span)
      }
      spans.push(
        ...shiftsOn(
          data.workingHours,
          data.technicians.map((t) => t.id),
          day,
        ),
      )
    }
    return { ...visibleHours(spans), hourHeight: HOUR_HEIGHT }
  }, [data.days, data.workingHours, data.technicians, jobs, timeZone])

  // A link to a job (`?job=`, from a notification) shows it: scrolled to and focused (again once
  // the drag layer has mounted the calendar anew).
  useEffect(() => {
    if (!data.selectedJobId) return
    const block = document.querySelector<HTMLElement>(
      `[data-job-id="${data.selectedJobId}"] button`,
    )
    block?.scrollIntoView({ block: 'center', inline: 'center' })
    block?.focus({ preventScroll: true })
  }, [data.selectedJobId, DragLayer])

  const staffName = (id: string | null) =>
    data.staff.find((s) => s.id === id)?.full_name ?? 'Unassigned'

  function dropTarget(event: DragMoveEvent | DragEndEvent): DropTarget | null {
    const drag = event.active.data.current as DragJob | undefined
    const job = drag ? byId.get(drag.jobId) : undefined
    if (!drag || !job) return null
    const original = minutesBetween(job.scheduled_start, job.scheduled_end)
    if (drag.kind === 'resize') {
      const day = dayKey(job.scheduled_start, timeZone)
      const startMinute = minuteOfDay(job.scheduled_start, day, timeZone)
      const duration = resizedDuration(startMinute, original + heightToMinutes(event.delta.y, axis))
      return { job, day, technicianId: job.technician_id, startMinute, duration }
    }
    const top = event.active.rect.current.translated?.top
    const drop = event.over?.data.current as DropColumn | undefined
    if (top === undefined || !drop || !event.over) return null
    return {
      job,
      day: drop.day,
      technicianId: drop.technicianId === 'keep' ? job.technician_id : drop.technicianId,
      startMinute: droppedStart(offsetToMinute(top - event.over.rect.top, axis), original),
      duration: original,
    }
  }

  function describe(target: DropTarget | null): string | null {
    if (!target) return null
    const { scheduledStart, scheduledEnd } = windowAt(
      target.day,
      target.startMinute,
      target.duration,
      timeZone,
    )
    return `${formatTime(scheduledStart, timeZone)}–${formatTime(scheduledEnd, timeZone)} · ${staffName(target.technicianId)}`
  }

  function onDragStart(event: DragStartEvent) {
    const drag = event.active.data.current as DragJob | undefined
    if (drag) setDragging({ jobId: drag.jobId, kind: drag.kind, label: null })
  }

  function onDragMove(event: DragMoveEvent) {
    const target = dropTarget(event)
    if (target && dragging?.kind === 'resize') {
      if (resizing?.minutes !== target.duration)
        setResizing({ jobId: target.job.id, minutes: target.duration })
      return
    }
    const label = describe(target)
    if (dragging && label !== dragging.label) setDragging({ ...dragging, label })
  }

  function onDragEnd(event: DragEndEvent) {
    const target = dropTarget(event)
    setDragging(null)
    setResizing(null)
    if (!target) return
    const { job } = target
    const window = windowAt(target.day, target.startMinute, target.duration, timeZone)
    const unchanged =
      Date.parse(window.scheduledStart) === Date.parse(job.scheduled_start) &&
      Date.parse(window.scheduledEnd) === Date.parse(job.scheduled_end) &&
      target.technicianId === job.technician_id
    if (unchanged) return
    const patch = {
      id: job.id,
      technician_id: target.technicianId,
      scheduled_start: window.scheduledStart,
      scheduled_end: window.scheduledEnd,
    }
    move.save({ jobId: job.id, technicianId: target.technicianId, ...window }, () =>
      applyPatch(patch),
    )
  }

  const title = (id: string | number) =>
    byId.get(String(id).replace(/^(move|resize):/, ''))?.title ?? 'job'
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${title(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${title(active.id)} is over ${String(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `${title(active.id)} dropped.` : `${title(active.id)} was not moved.`,
    onDragCancel: ({ active }) => `Moving ${title(active.id)} was cancelled.`,
  }

  const openJob = (jobId: string) => setOpen({ kind: 'details', jobId })
  const openNew = (preset: NewJobPreset) => setOpen({ kind: 'new', preset })
  const firstDay = data.days[0] ?? dayKey(new Date(), timeZone)
  const dialogJob = open && open.kind !== 'new' ? byId.get(open.jobId) : undefined
  const dragged = dragging?.kind === 'move' ? byId.get(dragging.jobId) : undefined
  const rangeLabel =
    data.days.length === 1
      ? formatDayKey(firstDay)
      : `${formatDayKey(firstDay)} – ${formatDayKey(data.days.at(-1) ?? firstDay)}`

  const calendar = (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold" data-testid="calendar-range">
          {rangeLabel}
        </h2>
        {data.view === 'week' ? (
          <ul
            aria-label="Technician colours"
            className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700"
          >
            {data.technicians.map((t) => (
              <li key={t.id} className="flex items-center gap-1.5">
                <span aria-hidden="true" className={`size-2.5 rounded-full ${colorOf(t.id).dot}`} />
                {t.full_name}
              </li>
            ))}
          </ul>
        ) : null}
        {canSchedule ? (
          <Button onClick={() => openNew({ technicianId: null, day: firstDay, minute: 9 * 60 })}>
            New job
          </Button>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="min-w-0">
          {columns.length === 0 ? (
            <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700">
              No technicians yet: invite one on the Staff page to see their calendar.
            </p>
          ) : (
            <CalendarGrid
              data={data}
              jobs={jobs}
              columns={columns}
              axis={axis}
              timeZone={timeZone}
              colorOf={colorOf}
              customerNames={data.customerNames}
              canSchedule={canSchedule}
              resizing={resizing}
              onOpen={openJob}
              onPickSlot={
                canSchedule
                  ? (drop, minute) =>
                      openNew({
                        technicianId: drop.technicianId === 'keep' ? null : drop.technicianId,
                        day: drop.day,
                        minute,
                      })
                  : null
              }
            />
          )}
        </div>
        <SidePanel
          requests={requests}
          unassigned={unassigned}
          days={data.days}
          staff={data.staff}
          draggable={canSchedule && data.view === 'day'}
          customerNames={data.customerNames}
          timeZone={timeZone}
          canSchedule={canSchedule}
          selectedJobId={data.selectedJobId}
          onOpen={openJob}
          onMove={(jobId) => setOpen({ kind: 'move', jobId })}
          onDecline={(jobId) => setOpen({ kind: 'decline', jobId })}
        />
      </div>
    </>
  )
  const overlay = dragged ? (
    <div
      className="rounded-md border border-l-4 border-sky-700 bg-white px-2 py-1 text-xs text-slate-900 shadow-lg"
      style={{
        height: Math.max(
          36,
          (minutesBetween(dragged.scheduled_start, dragged.scheduled_end) * HOUR_HEIGHT) / 60,
        ),
      }}
    >
      <span className="block font-semibold">{dragging?.label ?? 'Drop on a column'}</span>
      <span className="block truncate">{dragged.title}</span>
    </div>
  ) : null

  return (
    <>
      {DragLayer ? (
        <DragLayer
          // Stretching a block must not scroll the page under the pointer (that would stretch it further).
          autoScroll={dragging?.kind !== 'resize'}
          announcements={announcements}
          onDragStart={onDragStart}
          onDragMove={onDragMove}
          onDragEnd={onDragEnd}
          onDragCancel={() => {
            setDragging(null)
            setResizing(null)
          }}
          overlay={overlay}
        >
          {calendar}
        </DragLayer>
      ) : (
        calendar
      )}
      {move.conflictDialog}
      <Suspense fallback={null}>
        {open?.kind === 'details' && dialogJob ? (
          <JobDetailsDialog
            job={dialogJob}
            staff={data.staff}
            customerName={data.customerNames[dialogJob.customer_id]}
            property={dialogJob.property_id ? data.properties[dialogJob.property_id] : undefined}
            serviceName={data.services.find((s) => s.id === dialogJob.service_id)?.name}
            onMove={() => setOpen({ kind: 'move', jobId: dialogJob.id })}
            onClose={() => setOpen(null)}
          />
        ) : null}
        {open?.kind === 'move' && dialogJob ? (
          <MoveJobDialog
            job={dialogJob}
            staff={data.staff}
            customerName={data.customerNames[dialogJob.customer_id]}
            timeZone={timeZone}
            onClose={() => setOpen(null)}
          />
        ) : null}
        {open?.kind === 'decline' && dialogJob ? (
          <DeclineRequestDialog
            job={dialogJob}
            customerName={data.customerNames[dialogJob.customer_id]}
            onClose={() => setOpen(null)}
          />
        ) : null}
        {open?.kind === 'new' ? (
          <NewJobDialog
            preset={open.preset}
            staff={data.staff}
            services={data.services}
            timeZone={timeZone}
            onClose={() => setOpen(null)}
          />
        ) : null}
      </Suspense>
    </>
  )
}
