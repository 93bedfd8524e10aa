import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { twMerge } from 'tailwind-merge'
import { describe, expect, it } from 'vitest'
import { mergeClasses } from './merge-classes.ts'

// Every word in a string literal of the kit's sources: the kit's own classes (and some words that
// are not classes, which both functions keep as they are).
function kitClasses(): string[] {
  const dirs = [join(import.meta.dirname, '..'), import.meta.dirname]
  const words = new Set<string>()
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.|merge-classes/.test(f),
    )) {
      const source = readFileSync(join(dir, file), 'utf8')
      for (const [, text = ''] of source.matchAll(/['"`]([^'"`\n]*)['"`]/g)) {
        for (const word of text.split(/\s+/)) if (/^[a-z!*\-[]/.test(word)) words.add(word)
      }
    }
  }
  return [...words]
}

// Classes the apps write today (and so may pass as className), with their modifiers.
const appClasses =
  `absolute accent-sky-700 animate-pulse bg-amber-50 bg-red-700 bg-sky-50/40 bg-sky-700
  bg-slate-100 bg-white bg-white/95 block border border-amber-300 border-b border-dashed border-slate-200
  border-t bottom-0 break-words capitalize cursor-pointer disabled:opacity-40 divide-slate-100 divide-y
  fixed flex flex-1 flex-col flex-wrap focus-visible:outline-2 focus-visible:outline-sky-700
  focus-visible:ring-2 focus-visible:ring-sky-500 focus:left-2 focus:not-sr-only focus:outline-none
  focus:p-2 focus:rounded focus:z-50 font-bold font-medium font-normal font-semibold gap-1 gap-4 gap-x-4
  gap-y-2 grid grid-cols-1 grid-cols-2 grid-cols-[auto_1fr] h-10 h-11 h-28 h-8 hidden hover:bg-red-800
  hover:bg-slate-50 hover:underline inline-block inline-flex inset-x-0 items-center items-start
  justify-between justify-center justify-end justify-start leading-5 lg:block lg:grid-cols-[1fr_22rem]
  max-h-96 max-h-[60vh] max-w-5xl max-w-[85%] max-w-md md:bg-transparent md:border-0 md:flex md:flex-row
  md:ml-auto md:p-6 md:pb-8 md:static md:w-48 min-h-11 min-h-9 min-h-dvh min-h-screen min-w-0 min-w-56
  ml-2 ml-auto mr-2 mt-0.5 mt-1 mt-4 mx-auto normal-case opacity-60 overflow-auto overflow-hidden
  overflow-x-auto overflow-y-auto p-2 p-4 p-6 pb-24 pl-2 pr-2 print:border-0 print:hidden print:p-0 pt-1
  px-1.5 px-2 px-3 px-4 py-0.5 py-2 py-2.5 relative right-0 rounded rounded-2xl rounded-full rounded-lg
  rounded-md rounded-xl shadow-lg shadow-sm shrink-0 size-11 size-5 sm:col-span-2 sm:grid-cols-3
  sm:items-center sm:w-auto space-y-1 space-y-4 sr-only sticky tabular-nums text-2xl text-[11px]
  text-amber-900 text-base text-center text-emerald-800 text-gray-500 text-left text-lg text-red-800
  text-right text-sky-50 text-slate-600 text-slate-700 text-sm text-white text-xl text-xs top-0 top-1
  tracking-normal tracking-wide truncate underline uppercase w-48 w-72 w-full whitespace-nowrap
  whitespace-pre-wrap z-10 z-20`.split(/\s+/)

describe('mergeClasses', () => {
  it('agrees with the full tailwind-merge on every pair of classes the kit and the apps use', () => {
    const classes = [...new Set([...kitClasses(), ...appClasses])]
    expect(classes.length).toBeGreaterThan(300)
    const disagreements: string[] = []
    for (const a of classes) {
      for (const b of classes) {
        const input = `${a} ${b}`
        const expected = twMerge(input)
        if (mergeClasses(input) !== expected) disagreements.push(`${input} -> ${expected}`)
      }
    }
    expect(disagreements.slice(0, 80)).toEqual([])
  }, 60_000)

  it('keeps, never drops, classes from groups it does not know', () => {
    expect(mergeClasses('bg-cover bg-white')).toBe('bg-cover bg-white')
    expect(mergeClasses('text-shadow-sm text-red-700')).toBe('text-shadow-sm text-red-700')
    expect(mergeClasses('scroll-mt-4 scroll-mt-8')).toBe('scroll-mt-4 scroll-mt-8')
  })
})
