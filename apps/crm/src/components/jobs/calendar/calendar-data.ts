import type {
  JobRow,
  PropertyRow,
  ServiceRow,
  StaffMemberRow,
  TimeOffRow,
  WorkingHoursRow,
} from '@repo/database/types'
import type { DayKey } from '@repo/domain/dates'

export type CalendarView = 'day' | 'week'

/** Everything the calendar shows, loaded by the page on the server (plain data, no functions). */
export interface CalendarData {
  view: CalendarView
  /** The visible days (one, or seven from the first). */
  days: DayKey[]
  /** Jobs starting on the visible days (cancelled ones left out), and every open booking request. */
  jobs: JobRow[]
  /** The calendar's people: active technicians, and anyone else with hours or a job on these days. */
  technicians: StaffMemberRow[]
  /** Every active staff member (the technician choices). */
  staff: StaffMemberRow[]
  workingHours: WorkingHoursRow[]
  timeOff: TimeOffRow[]
  customerNames: Record<string, string>
  properties: Record<string, PropertyRow>
  services: ServiceRow[]
  /** The job a link pointed at (`?job=`), highlighted. */
  selectedJobId: string | null
}
