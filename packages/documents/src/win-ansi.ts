// Helvetica is a PDF standard font: nothing is embedded, and it can only show the WinAnsi
// (Windows-1252) characters. react-pdf draws any other character as a wrong glyph ("Ł" comes out
// as "A", U+202F as "/"), so every string is brought into that set before layout: typographic
// spaces and dashes that Intl formatters produce become their plain forms, accented letters
// outside the set lose the accent ("ễ" -> "e", "Ł" -> "L"), and anything else becomes "?".

// The WinAnsi characters above Latin-1 (0x80-0x9F in Windows-1252).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

const REPLACEMENTS: Record<string, string> = {
  '\t': ' ',
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2212': '-', // minus sign
  '\u2015': '—', // horizontal bar
  '\u2032': "'", // prime
  '\u2033': '"', // double prime
  '\u2044': '/', // fraction slash
  '\u2215': '/', // division slash
  '\u2190': '<-',
  '\u2192': '->',
  '\u2713': 'v',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  ŉ: "'n",
}

// Spaces of every width (U+2000-U+200A, U+202F narrow no-break, U+205F, U+3000) print as a space;
// zero-width characters, soft hyphens' relatives and byte-order marks print as nothing.
const SPACE = /[\u2000-\u200a\u202f\u205f\u3000]/
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\r]/
const COMBINING_MARK = /[\u0300-\u036f]/g

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(char)
  )
}

function toWinAnsiChar(char: string): string {
  if (isWinAnsi(char)) return char
  const replacement = REPLACEMENTS[char]
  if (replacement !== undefined) return replacement
  if (SPACE.test(char)) return ' '
  if (INVISIBLE.test(char)) return ''
  const base = char.normalize('NFKD').replace(COMBINING_MARK, '')
  if (base && Array.from(base).every(isWinAnsi)) return base
  return '?'
}

/** The text with every character Helvetica cannot show replaced (see above). */
export function toWinAnsi(text: string): string {
  // Almost every string is plain already: skip the per-character work.
  if (/^[\n\x20-\x7e]*$/.test(text)) return text
  let out = ''
  // NFC first, so a letter sent as base + combining accent ("e" + U+0301) is one WinAnsi "é".
  for (const char of text.normalize('NFC')) out += toWinAnsiChar(char)
  return out
}

/** The same value with every string in it passed through `toWinAnsi`. */
export function withWinAnsiText<T>(value: T): T {
  if (typeof value === 'string') return toWinAnsi(value) as T
  if (Array.isArray(value)) return value.map((item) => withWinAnsiText(item)) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withWinAnsiText(item)]),
    ) as T
  }
  return value
}
