import 'server-only'
import { avatarUrl, getFieldJob, getJobPosition } from '@repo/database/repositories'
import { readEtaSpeedKmh, readMapTileUrl } from '@repo/database/env'
import type { Client, JobRow } from '@repo/database/types'
import { formatTime } from '@repo/domain/dates'
import { firstNameOf, initialsOf, toGeoPoint } from '@repo/domain/field-work'
import type { TechnicianArrivalProps } from '@/components/jobs/technician-arrival'
import { toPositionMessage } from './position-message'

/** What the arrival banner needs for a job whose technician is on the way; null otherwise. */
export async function loadArrival(
  supabase: Client,
  job: JobRow,
  timeZone: string,
): Promise<TechnicianArrivalProps | null> {
  if (job.status !== 'en_route') return null
  const [field, position] = await Promise.all([
    getFieldJob(supabase, job.id),
    getJobPosition(supabase, job.id),
  ])
  return {
    jobId: job.id,
    technicianFirstName: firstNameOf(field.technician?.full_name),
    technicianPhotoUrl: avatarUrl(supabase, field.technician?.avatar_path),
    technicianInitials: initialsOf(field.technician?.full_name),
    mapTileUrl: readMapTileUrl(),
    destination: toGeoPoint(field.property),
    initial: toPositionMessage(position),
    officeEstimate: formatTime(job.scheduled_start, timeZone),
    speedKmh: readEtaSpeedKmh(),
  }
}
