'use client'

import { useCallback, useState } from 'react'
import { Button } from './button.tsx'
import { Progress } from './progress.tsx'

export interface UploadState {
  key: string
  name: string
  /** 0 to 100. */
  percent: number
  status: 'uploading' | 'failed'
  error?: string
}

let counter = 0

/**
 * Files sent one after another, each with its progress; a refused or failed one stays with its
 * reason until dismissed, a finished one leaves the list.
 */
export function useUploadQueue({
  check,
  upload,
}: {
  /** Why the file cannot be sent (null when it can), before anything is sent. */
  check: (file: File) => string | null
  upload: (file: File, onProgress: (percent: number) => void) => Promise<void>
}) {
  const [uploads, setUploads] = useState<UploadState[]>([])
  const update = (key: string, patch: Partial<UploadState>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...patch } : u)))

  const start = useCallback(
    async (files: File[]) => {
      for (const file of files) {
        const key = `upload-${++counter}`
        const problem = check(file)
        const state: UploadState = problem
          ? { key, name: file.name, percent: 0, status: 'failed', error: problem }
          : { key, name: file.name, percent: 0, status: 'uploading' }
        setUploads((all) => [...all, state])
        if (problem) continue
        try {
          await upload(file, (percent) => update(key, { percent }))
          setUploads((all) => all.filter((u) => u.key !== key))
        } catch (error) {
          update(key, {
            status: 'failed',
            error: error instanceof Error ? error.message : 'The upload failed',
          })
        }
      }
    },
    [check, upload],
  )
  const dismiss = (key: string) => setUploads((all) => all.filter((u) => u.key !== key))
  return { uploads, start, dismiss }
}

/** The files being sent: name, percent and bar; a failure says why and can be dismissed. */
export function UploadList({
  uploads,
  onDismiss,
}: {
  uploads: UploadState[]
  onDismiss: (key: string) => void
}) {
  if (uploads.length === 0) return null
  return (
    <ul aria-label="Uploads" className="space-y-2">
      {uploads.map((u) => (
        <li key={u.key} className="space-y-1 text-sm" data-testid="upload">
          <div className="flex items-center justify-between gap-2">
            <span className="min-w-0 truncate">{u.name}</span>
            {u.status === 'failed' ? (
              <Button variant="ghost" size="sm" onClick={() => onDismiss(u.key)}>
                Dismiss
              </Button>
            ) : (
              <span className="text-xs text-slate-600">{Math.round(u.percent)}%</span>
            )}
          </div>
          <Progress
            value={u.status === 'failed' ? 100 : u.percent}
            tone={u.status === 'failed' ? 'danger' : 'default'}
            label={`Uploading ${u.name}`}
          />
          {u.error ? (
            <p role="alert" className="text-xs text-red-800">
              {u.name}: {u.error}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
