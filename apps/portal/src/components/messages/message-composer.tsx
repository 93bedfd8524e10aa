'use client'

import { Button } from '@repo/ui/button'
import { Label } from '@repo/ui/label'
import { Textarea } from '@repo/ui/textarea'
import { useState } from 'react'
import { messageLength } from '@repo/domain/messages'

interface Props {
  onSend: (body: string) => void
  onTyping: (typing: boolean) => void
  error?: string | undefined
}

export function MessageComposer({ onSend, onTyping, error }: Props) {
  const [body, setBody] = useState('')
  const { tooLong, counter } = messageLength(body)
  const empty = body.trim().length === 0
  // Only spaces or line breaks: say why Send stays off instead of silently ignoring it.
  const blankTyped = empty && body.length > 0

  const submit = () => {
    if (empty || tooLong) return
    onSend(body)
    setBody('')
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
      <div className="flex items-center justify-between gap-2">
        <p id="message-help" className={tooLong || blankTyped || error ? 'text-sm text-red-800' : 'text-sm text-slate-700'}>
          {tooLong ? counter : blankTyped ? 'Write a message first.' : (error ?? counter)}
        </p>
        <Button type="submit" disabled={empty || tooLong}>
          Send
        </Button>
      </div>
    </form>
  )
}
