// Automatic JSX runtime even where no tsconfig of this package applies (tsx run from bench/).
/** @jsxRuntime automatic */
import { Text as PdfText } from '@react-pdf/renderer'
import type { ComponentProps } from 'react'

type TextProps = ComponentProps<typeof PdfText>

/** Longer than this, a word may break between any two characters. */
export const LONG_WORD = 16

/**
 * Words of up to 16 characters stay whole (no hyphenation of ordinary words, no "78-745" in a ZIP
 * code); a longer one (a URL, a part number, a pasted hash, 500 characters without a space) may
 * break between any two characters, so it wraps inside its column instead of running off the page.
 */
export const breakLongWords = (word: string): string[] =>
  word.length > LONG_WORD ? Array.from(word) : [word]

/** react-pdf's Text with long words allowed to wrap. */
export function Text(props: TextProps) {
  return <PdfText hyphenationCallback={breakLongWords} {...props} />
}
