/** Joins class names, skipping falsy ones (enough for our static Tailwind strings). */
export function cn(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(' ')
}
