// Test helper: the text of each page of a PDF, and where each piece of text sits, read with
// pdf.js (the viewer Firefox uses), so the tests check what a reader of the file would see.
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface TextPiece {
  text: string
  /** Left and right edges in points from the page's left edge. */
  left: number
  right: number
}

export interface PdfPage {
  width: number
  height: number
  /** The page's text, a line break where pdf.js sees one. */
  text: string
  pieces: TextPiece[]
}

export async function readPdf(pdf: Uint8Array): Promise<PdfPage[]> {
  const task = getDocument({
    data: new Uint8Array(pdf),
    verbosity: VerbosityLevel.ERRORS,
  })
  try {
    const doc = await task.promise
    const pages: PdfPage[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const { width, height } = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      let text = ''
      const pieces: TextPiece[] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        text += item.str + (item.hasEOL ? '\n' : '')
        const left = Number(item.transform[4])
        if (item.str.trim()) pieces.push({ text: item.str, left, right: left + item.width })
      }
      pages.push({ width, height, text, pieces })
    }
    return pages
  } finally {
    await task.destroy()
  }
}

/** Whitespace runs as one space, so wrapped text compares with the string that was laid out. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
