import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { TextAreaField, TextField } from './field.tsx'

describe('fields', () => {
  it('label the input and link its error for screen readers', () => {
    const html = renderToStaticMarkup(<TextField label="Email" name="email" error="Enter a valid email address" />)
    expect(html).toContain('<label for="field-email"')
    const input = html.match(/<input[^>]*>/)?.[0] ?? ''
    expect(input).toContain('id="field-email"')
    expect(input).toContain('aria-invalid="true"')
    expect(input).toContain('aria-describedby="field-email-error"')
    expect(html).toContain('<p id="field-email-error" class="text-sm text-red-800">Enter a valid email address</p>')
  })

  it('link a hint while there is no error, and keep the caller id and attributes', () => {
    const html = renderToStaticMarkup(
      <TextAreaField label="Note" name="note" id="reschedule-note" hint="Optional" maxLength={500} />,
    )
    const textarea = html.match(/<textarea[^>]*>/)?.[0] ?? ''
    expect(textarea).toContain('id="reschedule-note"')
    expect(textarea).toContain('maxLength="500"')
    expect(textarea).toContain('aria-describedby="reschedule-note-hint"')
    expect(textarea).not.toContain('aria-invalid=')
    expect(html).toContain('<p id="reschedule-note-hint" class="text-sm text-slate-700">Optional</p>')
  })
})
