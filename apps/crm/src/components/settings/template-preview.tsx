'use client'

import type { ActionResult } from '@repo/actions/result'
import type { NotificationChannel } from '@repo/notifications'
import type { TemplatePreview as Preview } from '@/actions/notification-templates/preview-template-action.ts'

/**
 * The message rendered by the worker's own code for a made-up customer. The e-mail's HTML runs in
 * a sandboxed frame: no scripts, no same-origin access, whatever it holds.
 */
export function TemplatePreview({
  channel,
  preview,
}: {
  channel: NotificationChannel
  preview: ActionResult<Preview> | null
}) {
  return (
    <section aria-label="Preview" aria-live="polite" className="space-y-2">
      <h3 className="text-sm font-semibold">Preview (sample customer and visit)</h3>
      {!preview ? (
        <p className="text-sm text-slate-700">Rendering the preview…</p>
      ) : !preview.ok ? (
        <p className="text-sm text-red-800" role="status">
          No preview until the words are fixed: {preview.error}
        </p>
      ) : preview.data.channel === 'sms' || channel === 'sms' ? (
        <p
          data-testid="sms-preview"
          className="max-w-sm rounded-2xl rounded-bl-sm bg-slate-100 px-4 py-3 text-sm whitespace-pre-wrap"
        >
          {preview.data.text}
        </p>
      ) : (
        <>
          <p className="text-sm">
            <span className="text-slate-700">Subject: </span>
            <span data-testid="preview-subject" className="font-medium">
              {preview.data.subject}
            </span>
          </p>
          <iframe
            title="E-mail preview"
            sandbox=""
            srcDoc={preview.data.html}
            className="h-[28rem] w-full rounded-lg border border-slate-200 bg-white"
          />
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-700">Plain-text part</summary>
            <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs whitespace-pre-wrap">
              {preview.data.text}
            </pre>
          </details>
        </>
      )}
    </section>
  )
}
