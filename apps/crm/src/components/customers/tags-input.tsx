'use client'

import { addTag, MAX_TAG_CHARS, MAX_TAGS } from '@repo/domain/customers'
import { Badge } from '@repo/ui/badge'
import { Field } from '@repo/ui/field'
import { Input } from '@repo/ui/input'
import { type Ref, useImperativeHandle, useState } from 'react'

export interface TagsInputHandle {
  /** Adds what is still typed in the box (a submit must not drop it); returns the tags to save. */
  commit: () => string[]
}

/**
 * Tags as chips: type one and press Enter (or a comma) to add it, remove one with its × button
 * (Backspace in the empty box removes the last). The rules are the database's (20 tags, 40
 * characters each, no two alike).
 */
export function TagsInput({
  id,
  tags,
  onChange,
  error,
  disabled = false,
  ref,
}: {
  id: string
  tags: string[]
  onChange: (tags: string[]) => void
  error?: string | undefined
  disabled?: boolean
  ref?: Ref<TagsInputHandle>
}) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const add = (): string[] => {
    if (text.trim() === '') return tags
    const next = addTag(tags, text)
    if ('error' in next) {
      setProblem(next.error)
      return tags
    }
    setProblem(null)
    setText('')
    onChange(next.tags)
    return next.tags
  }
  useImperativeHandle(ref, () => ({ commit: add }))

  return (
    <Field
      id={id}
      label="Tags"
      hint={`Press Enter after each tag (up to ${MAX_TAGS}, ${MAX_TAG_CHARS} characters each).`}
      error={problem ?? error}
    >
      {(control) => (
        <div className="space-y-2">
          {tags.length > 0 ? (
            <ul aria-label="Current tags" className="flex flex-wrap gap-1.5">
              {tags.map((tag) => (
                <li key={tag}>
                  <Badge
                    tone="info"
                    className="max-w-full gap-0.5 py-0 pr-0 text-sm whitespace-normal break-all"
                  >
                    {tag}
                    {disabled ? null : (
                      <button
                        type="button"
                        aria-label={`Remove tag ${tag}`}
                        onClick={() => onChange(tags.filter((t) => t !== tag))}
                        className="relative ml-0.5 inline-flex size-7 items-center justify-center rounded-full hover:bg-sky-200 focus-visible:outline-2 focus-visible:outline-sky-700 after:absolute after:-inset-1.5"
                      >
                        <span aria-hidden="true" className="text-base leading-none">
                          ×
                        </span>
                      </button>
                    )}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : null}
          <Input
            {...control}
            value={text}
            disabled={disabled}
            maxLength={MAX_TAG_CHARS * 2}
            placeholder={
              tags.length >= MAX_TAGS ? 'Tag limit reached' : 'e.g. VIP, Pets, Rental owner'
            }
            autoComplete="off"
            onChange={(e) => {
              setText(e.target.value)
              setProblem(null)
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ',') {
                e.preventDefault()
                add()
              } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
                onChange(tags.slice(0, -1))
              }
            }}
          />
        </div>
      )}
    </Field>
  )
}
