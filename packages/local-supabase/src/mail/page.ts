import type { CaughtMail, CaughtSms } from './store.ts'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const STYLE = `body{font:14px system-ui,sans-serif;margin:0;color:#111}
header{padding:12px 20px;background:#0f172a;color:#fff}main{display:grid;grid-template-columns:1fr 1fr;gap:20px;padding:20px}
table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top}
th{font-size:12px;color:#6b7280;text-transform:uppercase}a{color:#2563eb}h2{margin:0 0 8px}
iframe{width:100%;height:60vh;border:1px solid #e5e7eb}pre{white-space:pre-wrap;background:#f8fafc;padding:12px}
.muted{color:#6b7280}`

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body><header><strong>Local mail and SMS</strong>
<span class="muted"> nothing leaves this machine</span></header>${body}</body></html>`
}

/** The list page: e-mails on the left, text messages on the right, newest first. */
export function listPage(mails: CaughtMail[], texts: CaughtSms[]): string {
  const mailRows = [...mails]
    .reverse()
    .map(
      (m) => `<tr><td>${escapeHtml(m.Created.slice(0, 19).replace('T', ' '))}</td>
<td>${escapeHtml(m.To.map((a) => a.Address).join(', '))}</td>
<td><a href="/view/${m.ID}">${escapeHtml(m.Subject || '(no subject)')}</a></td></tr>`,
    )
    .join('')
  const smsRows = [...texts]
    .reverse()
    .map(
      (t) => `<tr><td>${escapeHtml(t.Created.slice(0, 19).replace('T', ' '))}</td>
<td>${escapeHtml(t.To)}</td><td>${escapeHtml(t.Body)}</td></tr>`,
    )
    .join('')
  const empty = (what: string) => `<tr><td colspan="3" class="muted">No ${what} yet.</td></tr>`
  return layout(
    'Local mail',
    `<main><section><h2>E-mail (${mails.length})</h2><table><thead><tr><th>received</th><th>to</th><th>subject</th></tr></thead>
<tbody>${mailRows || empty('e-mails')}</tbody></table></section>
<section><h2>SMS (${texts.length})</h2><table><thead><tr><th>sent</th><th>to</th><th>text</th></tr></thead>
<tbody>${smsRows || empty('text messages')}</tbody></table></section></main>`,
  )
}

/** One e-mail: its HTML part in a sandboxed frame (no scripts) and its plain-text part. */
export function messagePage(mail: CaughtMail): string {
  const html = mail.HTML
    ? `<h3>HTML</h3><iframe sandbox="" srcdoc="${escapeHtml(mail.HTML)}"></iframe>`
    : '<p class="muted">No HTML part.</p>'
  return layout(
    mail.Subject,
    `<div style="padding:20px"><p><a href="/">All messages</a></p><h2>${escapeHtml(mail.Subject)}</h2>
<p>From ${escapeHtml(mail.From?.Address ?? '')} to ${escapeHtml(mail.To.map((a) => a.Address).join(', '))}
<span class="muted"> ${escapeHtml(mail.Created)}</span></p>${html}
<h3>Plain text</h3><pre>${escapeHtml(mail.Text || '(no text part)')}</pre></div>`,
  )
}
