// Attachment kinds from the generated enum, their wording, and the before/after gallery.
import { type AttachmentKind, type AttachmentRow, Constants } from '@repo/database/types'

export type { AttachmentKind }

export const attachmentKinds: readonly AttachmentKind[] = Constants.public.Enums.attachment_kind

export const attachmentKindLabel: Record<AttachmentKind, string> = {
  before: 'Before',
  after: 'After',
  photo: 'Photo',
  document: 'Document',
  customer_upload: 'From the customer',
}

/** What staff choose from when adding a job photo. */
export const jobPhotoKinds = [
  'before',
  'after',
  'photo',
] as const satisfies readonly AttachmentKind[]
export type JobPhotoKind = (typeof jobPhotoKinds)[number]

export function isJobPhotoKind(kind: string): kind is JobPhotoKind {
  return (jobPhotoKinds as readonly string[]).includes(kind)
}

/** A job's photos in gallery order: before, then after, then the rest; oldest first within each. */
export function photoGallery<T extends Pick<AttachmentRow, 'kind' | 'created_at'>>(
  photos: readonly T[],
): { kind: JobPhotoKind; photos: T[] }[] {
  return jobPhotoKinds
    .map((kind) => ({
      kind,
      photos: photos
        .filter((p) => p.kind === kind)
        .sort((a, b) => a.created_at.localeCompare(b.created_at)),
    }))
    .filter((group) => group.photos.length > 0)
}

/** `2.4 MB`, `830 KB`, `12 bytes`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
