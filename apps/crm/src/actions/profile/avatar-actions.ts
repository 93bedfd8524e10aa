'use server'

import { ok } from '@repo/actions/result'
import { createAvatarUploadUrl, setMyAvatar } from '@repo/database/repositories'
import { z } from 'zod'
import { staffAction } from '@/lib/staff-action.ts'

const prepareSchema = z.object({
  type: z.string().max(100),
  size: z.number().int().nonnegative(),
})
const setSchema = z.object({
  path: z.string().max(500).nullable(),
})

/** A one-time upload URL in the signed-in staff member's own photo folder. */
export const prepareAvatarUploadAction = staffAction(
  { name: 'profile.avatar.prepare', schema: prepareSchema },
  async ({ input, ctx: { supabase, organization, staff } }) =>
    ok(
      await createAvatarUploadUrl(supabase, {
        organizationId: organization.id,
        staffMemberId: staff.id,
        ...input,
      }),
    ),
)

/** Makes the uploaded photo (or none) the staff member's photo, shown to customers on the way. */
export const setAvatarAction = staffAction(
  { name: 'profile.avatar.set', schema: setSchema },
  async ({ input, ctx: { supabase, organization }, revalidate }) => {
    const staff = await setMyAvatar(supabase, organization.id, input.path)
    revalidate('/profile')
    return ok({ avatarPath: staff.avatar_path })
  },
)
