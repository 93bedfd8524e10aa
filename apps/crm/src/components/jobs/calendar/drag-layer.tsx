'use client'

import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import { type ReactNode, useId } from 'react'
import { type DragHooks, DragHooksContext } from './drag-hooks.tsx'

const live: DragHooks = { ready: true, useDrag: useDraggable, useDrop: useDroppable }

export interface DragLayerProps {
  autoScroll: boolean
  announcements: Announcements
  onDragStart: (event: DragStartEvent) => void
  onDragMove: (event: DragMoveEvent) => void
  onDragEnd: (event: DragEndEvent) => void
  onDragCancel: () => void
  /** What follows the pointer while a job is dragged. */
  overlay: ReactNode
  children: ReactNode
}

/** dnd-kit around the calendar, loaded after first paint by the dispatch calendar. */
export function DragLayer({
  autoScroll,
  announcements,
  overlay,
  children,
  ...handlers
}: DragLayerProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }))
  // dnd-kit numbers its ids per module; React's id keeps them unique per calendar.
  const id = useId()
  return (
    <DndContext
      id={id}
      autoScroll={autoScroll}
      sensors={sensors}
      collisionDetection={pointerWithin}
      {...handlers}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move this job with the keyboard, press Enter to open it, then choose Move.',
        },
      }}
    >
      <DragHooksContext.Provider value={live}>{children}</DragHooksContext.Provider>
      <DragOverlay dropAnimation={null}>{overlay}</DragOverlay>
    </DndContext>
  )
}
