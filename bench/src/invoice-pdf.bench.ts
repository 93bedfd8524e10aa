// Invoice PDFs with @repo/documents (react-pdf, Helvetica, US Letter): the made-up invoice of
// `@repo/documents/sample` with 5, 30 and 200 lines (payments, notes, terms and a signature
// image included), rendered one after another in this process after a warm-up, as a route
// handler would. No stack needed. BENCH_PDF_RUNS sets the renders per size (default 20).
import { renderDocumentPdf } from '@repo/documents'
import { sampleInvoice } from '@repo/documents/sample'

const SIZES = [5, 30, 200]
const WARM_UP = 3
const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 20)

/** Nearest-rank percentile of the sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

function pageCount(pdf: Uint8Array): number {
  // The page tree's root holds the total: "/Type /Pages … /Count n".
  const match = /\/Type \/Pages[^>]*\/Count (\d+)/.exec(Buffer.from(pdf).toString('latin1'))
  return Number(match?.[1] ?? 0)
}

export async function run(): Promise<void> {
  const rows: string[] = []
  for (const lines of SIZES) {
    const doc = sampleInvoice(lines)
    for (let i = 0; i < WARM_UP; i++) await renderDocumentPdf(doc)
    const times: number[] = []
    let pdf = new Uint8Array()
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now()
      pdf = await renderDocumentPdf(doc)
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    rows.push(
      `| ${lines} | ${pageCount(pdf)} | ${percentile(times, 50).toFixed(0)} | ${percentile(times, 95).toFixed(0)} | ${(pdf.byteLength / 1024).toFixed(1)} |`,
    )
  }
  console.log(
    `${RUNS} renders per size after ${WARM_UP} warm-up renders, one at a time in one Node ${process.version} process.\n`,
  )
  console.log('| lines | pages | p50 ms | p95 ms | PDF kB |')
  console.log('| ---: | ---: | ---: | ---: | ---: |')
  for (const row of rows) console.log(row)
}
