/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** An amount in the currency's smallest unit, as people read it: `$1,234.50`, `¥1,200`. */
export function formatAmount(amountCents: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(amountCents / 10 ** digits)
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1a1f36}
main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:1.25rem}
.badge{display:inline-block;font-size:.75rem;font-weight:600;letter-spacing:.02em;color:#8a4b00;background:#fff4e5;border-radius:999px;padding:.125rem .625rem;margin-bottom:.75rem}
h1{font-size:1.125rem;margin:0 0 .25rem;overflow-wrap:anywhere}
.amount{font-size:2rem;font-weight:700;margin:0 0 1rem}
label{display:block;font-size:.875rem;font-weight:600;margin:.75rem 0 .25rem}
input{width:100%;font:inherit;padding:.625rem .75rem;border:1px solid #c9ced8;border-radius:8px;background:#fff;color:inherit}
input:focus{outline:2px solid #635bff;outline-offset:1px;border-color:#635bff}
input[aria-invalid=true]{border-color:#c0123c}
.row{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}
button{width:100%;margin-top:1.25rem;font:inherit;font-weight:600;color:#fff;background:#635bff;border:0;border-radius:8px;padding:.75rem;cursor:pointer}
button:hover{background:#5249e0}
.error{margin:0 0 .75rem;padding:.625rem .75rem;border-radius:8px;background:#fdecef;color:#8e0e2c}
.ok{margin:0 0 .75rem;padding:.625rem .75rem;border-radius:8px;background:#e8f6ee;color:#0b5b2d}
.back{display:block;text-align:center;margin-top:1rem;color:#425466}
.hint{font-size:.8125rem;color:#5b6478;margin-top:1rem;overflow-wrap:anywhere}
.hint code{font-size:.8125rem;white-space:nowrap}
.hint p{margin:0 0 .25rem}
.hint ul{margin:0;padding-left:1.25rem}
`

/** A whole page: no external assets, readable from 320 px up. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>
`
}
