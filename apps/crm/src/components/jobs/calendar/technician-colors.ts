// One colour per technician, so the week view (all technicians in a day column) reads at a glance.
// Whole class names, so Tailwind keeps them; dark text on light fills keeps the contrast.

export interface TechnicianColor {
  block: string
  dot: string
}

const palette: readonly TechnicianColor[] = [
  { block: 'border-l-sky-600 bg-sky-50', dot: 'bg-sky-600' },
  { block: 'border-l-emerald-600 bg-emerald-50', dot: 'bg-emerald-600' },
  { block: 'border-l-violet-600 bg-violet-50', dot: 'bg-violet-600' },
  { block: 'border-l-amber-600 bg-amber-50', dot: 'bg-amber-600' },
  { block: 'border-l-rose-600 bg-rose-50', dot: 'bg-rose-600' },
  { block: 'border-l-teal-600 bg-teal-50', dot: 'bg-teal-600' },
  { block: 'border-l-fuchsia-600 bg-fuchsia-50', dot: 'bg-fuchsia-600' },
  { block: 'border-l-lime-700 bg-lime-50', dot: 'bg-lime-700' },
]

const unassigned: TechnicianColor = { block: 'border-l-slate-500 bg-slate-50', dot: 'bg-slate-500' }

/** Colours by position in the calendar's technician list (stable while the list is). */
export function technicianColors(
  technicianIds: readonly string[],
): (id: string | null) => TechnicianColor {
  const index = new Map(technicianIds.map((id, i) => [id, i]))
  return (id) => {
    const i = id === null ? undefined : index.get(id)
    return i === undefined ? unassigned : (palette[i % palette.length] ?? unassigned)
  }
}
