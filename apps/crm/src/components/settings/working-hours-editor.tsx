'use client'

import { useAction } from '@repo/actions/form'
import type { StaffMemberRow, WorkingHoursRow } from '@repo/database/types'
import {
  describeWeek,
  type Shift,
  shiftProblems,
  shiftsOn,
  toTimeInputValue,
  type Weekday,
  weekdayName,
  weekdaysFromMonday,
} from '@repo/domain/availability'
import { Button } from '@repo/ui/button'
import { Checkbox } from '@repo/ui/checkbox'
import { Input } from '@repo/ui/input'
import { Label } from '@repo/ui/label'
import { useEffect, useMemo, useState } from 'react'
import { saveWorkingHoursAction } from '@/actions/availability/availability-actions.ts'

interface Range {
  start: string
  end: string
}
type Week = Record<Weekday, { on: boolean; ranges: Range[] }>

const usualDay: Range = { start: '08:00', end: '17:00' }

function toWeek(rows: readonly WorkingHoursRow[]): Week {
  return Object.fromEntries(
    weekdaysFromMonday.map((day) => {
      const ranges = shiftsOn(rows, day).map((s) => ({
        start: toTimeInputValue(s.starts_at),
        end: toTimeInputValue(s.ends_at),
      }))
      return [
        day,
        { on: ranges.length > 0, ranges: ranges.length > 0 ? ranges : [{ ...usualDay }] },
      ]
    }),
  ) as Week
}

/** The week as the shifts to save, each with where it sits in the table (for its error). */
function toShifts(week: Week): { shift: Shift; day: Weekday; index: number }[] {
  return weekdaysFromMonday.flatMap((day) =>
    week[day].on
      ? week[day].ranges.map((r, index) => ({
          shift: { weekday: day, starts_at: r.start, ends_at: r.end },
          day,
          index,
        }))
      : [],
  )
}

/**
 * A technician's week, Monday to Sunday: each day off or one or more time ranges (a split shift).
 * Checked here as the database checks it (end after start, no overlap), then saved in one
 * transaction. A change saved elsewhere is taken in unless this week has unsaved edits.
 */
export function WorkingHoursEditor({
  technician,
  shifts,
}: {
  technician: StaffMemberRow
  shifts: WorkingHoursRow[]
}) {
  const saved = useMemo(() => toWeek(shifts), [shifts])
  const savedKey = JSON.stringify(saved)
  const [week, setWeek] = useState<Week>(saved)
  const [dirty, setDirty] = useState(false)
  const [problems, setProblems] = useState<Record<string, string>>({})
  useEffect(() => {
    if (!dirty) setWeek(JSON.parse(savedKey) as Week)
  }, [savedKey, dirty])

  const flat = toShifts(week)
  const save = useAction(saveWorkingHoursAction, {
    success: `Working hours saved for ${technician.full_name}`,
    onSuccess: () => setDirty(false),
    onFailure: (failure) => {
      const mapped: Record<string, string> = {}
      for (const [path, messages] of Object.entries(failure.fieldErrors ?? {})) {
        const at = flat[Number(path.split('.')[1])]
        if (at && messages[0]) mapped[`${at.day}.${at.index}`] = messages[0]
      }
      setProblems(mapped)
    },
  })

  const change = (day: Weekday, next: Partial<Week[Weekday]>) => {
    setWeek((w) => ({ ...w, [day]: { ...w[day], ...next } }))
    setDirty(true)
    setProblems({})
  }
  const submit = () => {
    const found = shiftProblems(flat.map((f) => f.shift))
    if (found.length > 0) {
      setProblems(
        Object.fromEntries(
          found.flatMap((p) => {
            const at = flat[p.index]
            return at ? [[`${at.day}.${at.index}`, p.message]] : []
          }),
        ),
      )
      return
    }
    save.run({ staffMemberId: technician.id, shifts: flat.map((f) => f.shift) })
  }

  return (
    <form
      aria-labelledby="hours-heading"
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="hours-heading" className="font-semibold">
          Working hours: {technician.full_name}
        </h3>
        <p className="text-sm text-slate-700">{describeWeek(flat.map((f) => f.shift))}</p>
      </div>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {weekdaysFromMonday.map((day) => {
          const name = weekdayName(day)
          const { on, ranges } = week[day]
          return (
            <li
              key={day}
              data-weekday={name}
              className="flex flex-wrap items-start gap-x-4 gap-y-2 p-3"
            >
              <div className={`flex min-h-11 items-center gap-3 sm:w-36 ${on ? 'w-full' : 'w-36'}`}>
                <Checkbox
                  id={`works-${day}`}
                  checked={on}
                  onCheckedChange={(checked) => change(day, { on: checked === true })}
                />
                <Label htmlFor={`works-${day}`}>{name}</Label>
              </div>
              {on ? (
                <div className="min-w-0 flex-1 space-y-2">
                  {ranges.map((range, index) => {
                    const problem = problems[`${day}.${index}`]
                    const errorId = `hours-${day}-${index}-error`
                    const set = (patch: Partial<Range>) =>
                      change(day, {
                        ranges: ranges.map((r, i) => (i === index ? { ...r, ...patch } : r)),
                      })
                    return (
                      <div key={index} className="space-y-1">
                        <div className="flex flex-wrap items-center gap-2">
                          <div className="flex min-w-0 flex-1 items-center gap-2 sm:flex-none">
                            <Label htmlFor={`start-${day}-${index}`} className="sr-only">
                              {name} start{ranges.length > 1 ? ` ${index + 1}` : ''}
                            </Label>
                            <Input
                              id={`start-${day}-${index}`}
                              type="time"
                              step={900}
                              value={range.start}
                              aria-invalid={problem ? true : undefined}
                              aria-describedby={problem ? errorId : undefined}
                              onChange={(e) => set({ start: e.target.value })}
                              className="min-w-0 flex-1 sm:w-36 sm:flex-none"
                            />
                            <span aria-hidden="true">to</span>
                            <Label htmlFor={`end-${day}-${index}`} className="sr-only">
                              {name} end{ranges.length > 1 ? ` ${index + 1}` : ''}
                            </Label>
                            <Input
                              id={`end-${day}-${index}`}
                              type="time"
                              step={900}
                              value={range.end}
                              aria-invalid={problem ? true : undefined}
                              aria-describedby={problem ? errorId : undefined}
                              onChange={(e) => set({ end: e.target.value })}
                              className="min-w-0 flex-1 sm:w-36 sm:flex-none"
                            />
                          </div>
                          {ranges.length > 1 ? (
                            <Button
                              variant="ghost"
                              size="sm"
                              aria-label={`Remove ${name} hours ${index + 1}`}
                              onClick={() =>
                                change(day, { ranges: ranges.filter((_, i) => i !== index) })
                              }
                            >
                              Remove
                            </Button>
                          ) : null}
                        </div>
                        {problem ? (
                          <p id={errorId} className="text-sm text-red-800">
                            {problem}
                          </p>
                        ) : null}
                      </div>
                    )
                  })}
                  {ranges.length < 4 ? (
                    <Button
                      variant="link"
                      size="sm"
                      className="px-0"
                      aria-label={`Add hours on ${name}`}
                      onClick={() => change(day, { ranges: [...ranges, { start: '', end: '' }] })}
                    >
                      Add hours
                    </Button>
                  ) : null}
                </div>
              ) : (
                <p className="min-h-11 py-2.5 text-sm text-slate-600">Off</p>
              )}
            </li>
          )
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" pending={save.pending} disabled={!dirty}>
          Save working hours
        </Button>
        {dirty && !save.pending ? (
          <Button
            variant="ghost"
            onClick={() => {
              setWeek(saved)
              setDirty(false)
              setProblems({})
            }}
          >
            Discard changes
          </Button>
        ) : null}
      </div>
    </form>
  )
}
