// Jobs that overlap in one calendar column sit side by side: each gets a lane, and every job of a
// group of overlapping jobs shares the group's lane count, so their widths line up.
import type { MinuteSpan } from './time-axis.ts'

export interface ColumnItem extends MinuteSpan {
  id: string
}

export interface PlacedItem extends ColumnItem {
  /** 0-based lane from the left. */
  lane: number
  /** Lanes in the item's overlap group (its width is 1/lanes of the column). */
  lanes: number
}

/** Lanes for a column's items: earlier first, longer first at the same start; first free lane wins. */
export function layoutColumn<T extends ColumnItem>(
  items: readonly T[],
): (T & { lane: number; lanes: number })[] {
  const sorted = [...items].sort(
    (a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id),
  )
  const placed: (T & { lane: number; lanes: number })[] = []
  let group: (T & { lane: number; lanes: number })[] = []
  let groupEnd = Number.NEGATIVE_INFINITY
  const closeGroup = () => {
    const lanes = group.reduce((most, item) => Math.max(most, item.lane + 1), 1)
    for (const item of group) item.lanes = lanes
    group = []
  }
  for (const item of sorted) {
    if (item.start >= groupEnd) {
      closeGroup()
      groupEnd = Number.NEGATIVE_INFINITY
    }
    // The lowest lane whose last item has ended by this start.
    const laneEnds: number[] = []
    for (const other of group) laneEnds[other.lane] = Math.max(laneEnds[other.lane] ?? 0, other.end)
    let lane = 0
    while (laneEnds[lane] !== undefined && (laneEnds[lane] as number) > item.start) lane++
    const entry = { ...item, lane, lanes: 1 }
    group.push(entry)
    placed.push(entry)
    groupEnd = Math.max(groupEnd, item.end)
  }
  closeGroup()
  return placed
}
