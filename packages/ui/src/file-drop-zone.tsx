'use client'

import { Upload } from 'lucide-react'
import { type DragEvent, type ReactNode, useId, useRef, useState } from 'react'
import { cn } from './cn.ts'

export interface FileDropZoneProps {
  /** MIME types the picker offers (`accept`); dropped files are handed on as they are. */
  accept: readonly string[]
  onFiles: (files: File[]) => void
  label: ReactNode
  hint?: ReactNode
  multiple?: boolean
  disabled?: boolean
  className?: string
}

/** Drop files here or pick them: one labelled file input that is also a drop target. */
export function FileDropZone({
  accept,
  onFiles,
  label,
  hint,
  multiple = true,
  disabled = false,
  className,
}: FileDropZoneProps) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : []
    if (files.length > 0 && !disabled) onFiles(multiple ? files : files.slice(0, 1))
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    take(event.dataTransfer.files)
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the labelled file input inside is the keyboard and screen-reader way
    <div
      data-slot="file-drop-zone"
      data-dragging={over || undefined}
      onDragOver={(event) => {
        event.preventDefault()
        if (!disabled) setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={cn(
        'flex flex-col items-center gap-1 rounded-xl border-2 border-dashed border-slate-300 p-4 text-center text-sm text-slate-700 focus-within:outline-2 focus-within:outline-sky-700',
        over && 'border-sky-700 bg-sky-50',
        disabled && 'opacity-60',
        className,
      )}
    >
      <Upload aria-hidden="true" className="size-5 text-slate-500" />
      <label
        htmlFor={id}
        className="cursor-pointer font-medium text-sky-800 underline-offset-4 hover:underline"
      >
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        ref={input}
        id={id}
        type="file"
        className="sr-only"
        accept={accept.join(',')}
        multiple={multiple}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          take(event.currentTarget.files)
          // The same file can be picked again after a failure.
          event.currentTarget.value = ''
        }}
      />
    </div>
  )
}
