// Staff photos: public objects in the `avatars` bucket (the portal's arrival banner shows them).
import type { Client, Row } from '../types.ts'
import { rpcRow, unwrap } from './errors.ts'
import { assertUuid } from './validate.ts'

export const AVATAR_BUCKET = 'avatars'

/** Where a staff member's new photo goes: their own folder (the only one they may write). */
export function avatarObjectPath(
  organizationId: string,
  staffMemberId: string,
  fileName: string,
): string {
  const ext = /\.(jpe?g|png|webp)$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'jpg'
  return `${assertUuid(organizationId, 'organizationId')}/${assertUuid(staffMemberId, 'staffMemberId')}/${crypto.randomUUID()}.${ext}`
}

/** Stores a photo as the signed-in staff member's avatar (replacing the previous one). */
export async function uploadMyAvatar(
  client: Client,
  input: { organizationId: string; staffMemberId: string; file: Blob; fileName: string },
): Promise<Row<'staff_members'>> {
  const path = avatarObjectPath(input.organizationId, input.staffMemberId, input.fileName)
  const upload = await client.storage
    .from(AVATAR_BUCKET)
    .upload(path, input.file, { contentType: input.file.type || 'image/jpeg', upsert: false })
  if (upload.error) throw new Error(`Uploading the photo failed: ${upload.error.message}`)
  const result = await client.rpc('set_my_avatar', {
    p_organization_id: input.organizationId,
    p_path: path,
  })
  return rpcRow(unwrap(result, 'setting the photo'), 'set_my_avatar')
}

/** The public address of a staff photo, or null without one. */
export function avatarUrl(client: Client, avatarPath: string | null | undefined): string | null {
  if (!avatarPath) return null
  return client.storage.from(AVATAR_BUCKET).getPublicUrl(avatarPath).data.publicUrl
}
