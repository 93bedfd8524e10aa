'use client'

import { avatarProblem } from '@repo/database/limits'
import { uploadToSignedUrl } from '@repo/database/uploads'
import { Button } from '@repo/ui/button'
import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'
import { toast } from 'sonner'
import { prepareAvatarUploadAction, setAvatarAction } from '@/actions/profile/avatar-actions.ts'

/**
 * The staff member's photo: customers see it (or the initials) on the "on the way" banner.
 * Take one with the front camera or pick one; it replaces the previous photo.
 */
export function AvatarForm({ photoUrl, initials }: { photoUrl: string | null; initials: string }) {
  const uid = useId()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const upload = async (file: File) => {
    const problem = avatarProblem(file)
    if (problem) return toast.error(problem)
    setBusy(true)
    try {
      const prepared = await prepareAvatarUploadAction({ type: file.type, size: file.size })
      if (!prepared.ok) throw new Error(prepared.error)
      await uploadToSignedUrl(prepared.data.signedUrl, file)
      const saved = await setAvatarAction({ path: prepared.data.path })
      if (!saved.ok) throw new Error(saved.error)
      toast.success('Photo saved')
      router.refresh()
    } catch (error) {
      toast.error(error instanceof Error ? error.message : 'The photo could not be saved')
    } finally {
      setBusy(false)
    }
  }
  const clear = async () => {
    const saved = await setAvatarAction({ path: null })
    if (saved.ok) {
      toast.success('Photo removed')
      router.refresh()
    } else toast.error(saved.error)
  }
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-3" data-testid="avatar-form">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        Your photo
      </h2>
      <p className="text-sm text-slate-700">Customers see it when you are on your way to them.</p>
      <div className="flex items-center gap-4">
        {photoUrl ? (
          <img
            src={photoUrl}
            alt=""
            width={80}
            height={80}
            className="size-20 rounded-full object-cover"
          />
        ) : (
          <span className="flex size-20 items-center justify-center rounded-full bg-sky-200 text-2xl font-semibold text-sky-900">
            {initials}
          </span>
        )}
        <div className="flex flex-col gap-2">
          <label className="inline-flex min-h-11 cursor-pointer items-center justify-center rounded-lg bg-sky-700 px-4 font-medium text-white hover:bg-sky-800 focus-within:ring-2 focus-within:ring-sky-600">
            {busy ? 'Saving…' : photoUrl ? 'Change photo' : 'Add a photo'}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              capture="user"
              className="sr-only"
              disabled={busy}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0]
                e.currentTarget.value = ''
                if (file) void upload(file)
              }}
            />
          </label>
          {photoUrl ? (
            <Button variant="ghost" onClick={() => void clear()} disabled={busy}>
              Remove photo
            </Button>
          ) : null}
        </div>
      </div>
    </section>
  )
}
