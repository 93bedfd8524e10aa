'use client'

import type {
  DraggableAttributes,
  DraggableSyntheticListeners,
  UseDraggableArguments,
  UseDroppableArguments,
} from '@dnd-kit/core'
import { createContext, useContext } from 'react'

/** What a job block or side-panel item needs from a drag: dnd-kit's useDraggable, narrowed. */
export interface DragHandle {
  setNodeRef: (element: HTMLElement | null) => void
  attributes: Partial<DraggableAttributes>
  listeners: DraggableSyntheticListeners
  isDragging: boolean
}

/** What a calendar column needs from a drop target: dnd-kit's useDroppable, narrowed. */
export interface DropZone {
  setNodeRef: (element: HTMLElement | null) => void
  isOver: boolean
}

export interface DragHooks {
  /** True once the drag-and-drop layer has loaded (the page is interactive before that). */
  ready: boolean
  useDrag: (args: UseDraggableArguments) => DragHandle
  useDrop: (args: UseDroppableArguments) => DropZone
}

const ignore = () => {}
const still: DragHooks = {
  ready: false,
  useDrag: () => ({ setNodeRef: ignore, attributes: {}, listeners: undefined, isDragging: false }),
  useDrop: () => ({ setNodeRef: ignore, isOver: false }),
}

// dnd-kit (~19 kB gzip) is not part of the calendar's first load: the grid renders and opens
// without it, and the drag layer (drag-layer.tsx) provides the real hooks once it has loaded.
// The provider only ever changes by mounting the calendar anew, so a component's hooks never
// change between renders.
export const DragHooksContext = createContext<DragHooks>(still)

export const useDragHooks = () => useContext(DragHooksContext)
