// The upload goes in chunks of at most 1,000 rows and about 500 kB, below the 1 MB a Server Action
// accepts, so long addresses cannot make one request too large.

export const IMPORT_CHUNK_ROWS = 1000
export const IMPORT_CHUNK_BYTES = 500_000

export function chunkRows<T>(
  rows: readonly T[],
  maxRows = IMPORT_CHUNK_ROWS,
  maxBytes = IMPORT_CHUNK_BYTES,
): T[][] {
  const chunks: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const row of rows) {
    const size = JSON.stringify(row).length
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      chunks.push(current)
      current = []
      bytes = 0
    }
    current.push(row)
    bytes += size
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}
