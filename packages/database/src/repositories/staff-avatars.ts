// Staff photos: public objects in the `avatars` bucket (the portal's arrival banner shows them).
// Each staff member writes only their own folder `<organization>/<staff member>/`.
import { type AVATAR_LIMITS, avatarProblem } from '../limits.ts'
import type { Client, Row } from '../types.ts'
import { rpcRow, unwrap, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

export const AVATAR_BUCKET = 'avatars'
const extensions: Record<(typeof AVATAR_LIMITS.mimeTypes)[number], string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
}

/** A one-time upload URL for a new photo in the signed-in staff member's own folder. */
export async function createAvatarUploadUrl(
  client: Client,
  input: { organizationId: string; staffMemberId: string; type: string; size: number },
): Promise<{ signedUrl: string; path: string }> {
  const problem = avatarProblem(input)
  if (problem) throw new ValidationError('file', problem)
  const ext = extensions[input.type as (typeof AVATAR_LIMITS.mimeTypes)[number]]
  const path = `${assertUuid(input.organizationId, 'organizationId')}/${assertUuid(input.staffMemberId, 'staffMemberId')}/${crypto.randomUUID()}.${ext}`
  const { data, error } = await client.storage.from(AVATAR_BUCKET).createSignedUploadUrl(path)
  if (error) throw new Error(`Preparing the upload failed: ${error.message}`)
  return { signedUrl: data.signedUrl, path }
}

/** Makes a stored photo (in the caller's own folder) their avatar; null removes it. */
export async function setMyAvatar(
  client: Client,
  organizationId: string,
  path: string | null,
): Promise<Row<'staff_members'>> {
  const result = await client.rpc('set_my_avatar', {
    p_organization_id: assertUuid(organizationId, 'organizationId'),
    ...(path ? { p_path: path } : {}),
  })
  return rpcRow(unwrap(result, 'setting the photo'), 'set_my_avatar')
}

/** The public address of a staff photo, or null without one. */
export function avatarUrl(client: Client, avatarPath: string | null | undefined): string | null {
  if (!avatarPath) return null
  return client.storage.from(AVATAR_BUCKET).getPublicUrl(avatarPath).data.publicUrl
}
