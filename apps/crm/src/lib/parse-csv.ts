// Reads a picked file in the browser: the file checks and table rules are @repo/domain's; the
// CSV grammar (quotes, delimiters, line endings) is papaparse's, loaded only when a file is picked.
import {
  type CsvTable,
  checkCsvFile,
  checkCsvText,
  readCsvTable,
} from '@repo/domain/customer-import'

export async function parseCsvFile(file: File): Promise<CsvTable> {
  const fileError = checkCsvFile(file)
  if (fileError) return { ok: false, error: fileError }
  const text = await file.text()
  const textError = checkCsvText(file.name, text)
  if (textError) return { ok: false, error: textError }
  const { default: Papa } = await import('papaparse')
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false })
  const broken = parsed.errors.find((e) => e.type === 'Quotes')
  if (broken) {
    const row = (broken.row ?? 0) + 1
    return {
      ok: false,
      error: `Row ${row} has a quotation mark that is never closed, so the file cannot be read. Fix that row and try again.`,
    }
  }
  return readCsvTable(parsed.data)
}
