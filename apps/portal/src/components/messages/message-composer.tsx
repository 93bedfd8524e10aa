'use client'

import { ATTACHMENT_BUCKETS } from '@repo/database/limits'
import { fileProblem } from '@repo/database/uploads'
import { Button } from '@repo/ui/button'
import { Label } from '@repo/ui/label'
import { Progress } from '@repo/ui/progress'
import { Textarea } from '@repo/ui/textarea'
import { useRef, useState } from 'react'
import { messageLength } from '@repo/domain/messages'

interface Props {
  /** The text (a photo alone is sent as "Photo") and the photo picked for it, if any. */
  onSend: (body: string, photo: File | null) => void
  onTyping: (typing: boolean) => void
  error?: string | undefined
  /** 0 to 100 while the last message's photo uploads. */
  photoProgress?: number | null
}

const PHOTO_ONLY_BODY = 'Photo'
const PHOTO_TYPES: readonly string[] = ATTACHMENT_BUCKETS['customer-uploads'].mimeTypes.filter((t) => t.startsWith('image/'))

export function MessageComposer({ onSend, onTyping, error, photoProgress = null }: Props) {
  const [body, setBody] = useState('')
  const [photo, setPhoto] = useState<File | null>(null)
  const [photoError, setPhotoError] = useState<string | null>(null)
  const picker = useRef<HTMLInputElement>(null)
  const { tooLong, counter } = messageLength(body)
  const empty = body.trim().length === 0 && photo === null
  // Only spaces or line breaks: say why Send stays off instead of silently ignoring it.
  const blankTyped = empty && body.length > 0
  const uploading = photoProgress !== null

  const submit = () => {
    if (empty || tooLong || uploading) return
    onSend(body.trim() === '' ? PHOTO_ONLY_BODY : body, photo)
    setBody('')
    setPhoto(null)
    onTyping(false)
  }

  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <Label htmlFor="message-body" className="block">
        Message
      </Label>
      <Textarea
        id="message-body"
        name="body"
        rows={3}
        value={body}
        aria-invalid={tooLong || blankTyped || Boolean(error) || undefined}
        aria-describedby="message-help"
        onChange={(event) => {
          setBody(event.target.value)
          onTyping(event.target.value.length > 0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault()
            submit()
          }
        }}
      />
      <input
        ref={picker}
        id="message-photo"
        type="file"
        accept={PHOTO_TYPES.join(',')}
        className="sr-only"
        tabIndex={-1}
        aria-label="Photo"
        onChange={(event) => {
          const file = event.target.files?.[0] ?? null
          event.target.value = ''
          if (!file) return
          // The bucket also takes PDFs; a message carries photos only.
          const problem = PHOTO_TYPES.includes(file.type) ? fileProblem('customer-uploads', file) : 'Only photos can be added here'
          setPhotoError(problem)
          setPhoto(problem ? null : file)
        }}
      />
      {photo ? (
        <p className="flex min-w-0 items-center gap-2 text-sm text-slate-700" data-testid="message-photo-picked">
          <span className="min-w-0 truncate">Photo: {photo.name}</span>
          <Button type="button" variant="ghost" size="sm" onClick={() => setPhoto(null)}>
            Remove
          </Button>
        </p>
      ) : null}
      {photoError ? <p className="text-sm text-red-800">{photoError}</p> : null}
      {uploading ? <Progress value={photoProgress} label="Sending your photo" /> : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id="message-help" className={tooLong || blankTyped || error ? 'text-sm text-red-800' : 'text-sm text-slate-700'}>
          {tooLong ? counter : blankTyped ? 'Write a message first.' : (error ?? counter)}
        </p>
        <div className="flex gap-2">
          <Button type="button" variant="secondary" onClick={() => picker.current?.click()} disabled={uploading}>
            Add a photo
          </Button>
          <Button type="submit" disabled={empty || tooLong || uploading}>
            Send
          </Button>
        </div>
      </div>
    </form>
  )
}
