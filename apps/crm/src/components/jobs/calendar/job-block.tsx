'use client'

import type { JobRow } from '@repo/database/types'
import { formatTime } from '@repo/domain/dates'
import { jobStatusLabel } from '@repo/domain/jobs'
import { cn } from '@repo/ui/cn'
import type { CSSProperties } from 'react'
import { JobStatusBadge } from '../job-card.tsx'
import { useDragHooks } from './drag-hooks.tsx'
import type { TechnicianColor } from './technician-colors.ts'

export interface BlockPlacement {
  top: number
  height: number
  lane: number
  lanes: number
}

/** What a drag carries: the job, and whether it moves the job or stretches its end. */
export interface DragJob {
  kind: 'move' | 'resize'
  jobId: string
}

/**
 * A job on the calendar, placed by its start and sized by its length. The block is a button
 * (click or Enter opens the job, where "Move" is the keyboard way to move it); a pointer drags it
 * to another time or technician, and its bottom edge stretches it.
 */
export function JobBlock({
  job,
  placement,
  customerName,
  color,
  timeZone,
  draggable,
  selected,
  onOpen,
}: {
  job: JobRow
  placement: BlockPlacement
  customerName: string | undefined
  color: TechnicianColor
  timeZone: string
  draggable: boolean
  selected: boolean
  onOpen: (jobId: string) => void
}) {
  const { useDrag } = useDragHooks()
  const move = useDrag({
    id: `move:${job.id}`,
    data: { kind: 'move', jobId: job.id } satisfies DragJob,
    disabled: !draggable,
  })
  const resize = useDrag({
    id: `resize:${job.id}`,
    data: { kind: 'resize', jobId: job.id } satisfies DragJob,
    disabled: !draggable,
  })
  const compact = placement.height < 44
  const style: CSSProperties = {
    top: placement.top,
    height: Math.max(placement.height, 18),
    left: `calc(${(placement.lane / placement.lanes) * 100}% + 2px)`,
    width: `calc(${100 / placement.lanes}% - 4px)`,
  }
  return (
    <article
      aria-label={job.title}
      data-job-id={job.id}
      data-selected={selected || undefined}
      style={style}
      className={cn('absolute z-[1] overflow-hidden rounded-md', move.isDragging && 'opacity-40')}
    >
      <button
        ref={move.setNodeRef}
        {...move.attributes}
        {...move.listeners}
        type="button"
        onClick={(event) => {
          event.stopPropagation()
          onOpen(job.id)
        }}
        className={cn(
          'block h-full w-full touch-none overflow-hidden rounded-md border border-l-4 border-slate-300 px-1.5 py-0.5 text-left text-xs leading-tight text-slate-900',
          'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-700',
          color.block,
          job.status === 'requested' && 'border-dashed',
          selected && 'ring-2 ring-amber-500 ring-offset-1',
          draggable ? 'cursor-grab active:cursor-grabbing' : 'cursor-pointer',
        )}
      >
        <span className="block truncate font-semibold">
          {formatTime(job.scheduled_start, timeZone)}–{formatTime(job.scheduled_end, timeZone)}
          {compact ? ` · ${job.title}` : ''}
        </span>
        {compact ? null : (
          <>
            <span className="block truncate">{customerName ?? 'Customer'}</span>
            <span className="block truncate text-slate-700">{job.title}</span>
            {placement.height >= 72 ? (
              <span className="mt-0.5 block">
                <JobStatusBadge status={job.status} />
              </span>
            ) : (
              <span className="sr-only" data-testid="job-status">
                {jobStatusLabel[job.status]}
              </span>
            )}
          </>
        )}
      </button>
      {draggable ? (
        // The pointer's way to change the length; the Move dialog's duration is the keyboard's.
        <div
          ref={resize.setNodeRef}
          {...resize.listeners}
          aria-hidden="true"
          data-testid="resize-handle"
          className="absolute inset-x-0 bottom-0 h-2 cursor-ns-resize touch-none"
        />
      ) : null}
    </article>
  )
}
