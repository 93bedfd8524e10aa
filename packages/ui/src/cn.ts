import { type ClassValue, clsx } from 'clsx'
import { mergeClasses } from './lib/merge-classes.ts'

export type { ClassValue }

/**
 * Joins class names (strings, arrays, `{ class: condition }` objects; falsy parts are skipped) and
 * lets a later Tailwind class win over an earlier one it conflicts with (tailwind-merge), so a
 * caller's `className` overrides a component's default instead of fighting it in the cascade.
 */
export function cn(...inputs: ClassValue[]): string {
  return mergeClasses(clsx(inputs))
}
