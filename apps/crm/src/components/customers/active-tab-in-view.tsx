'use client'

import { useEffect, useRef } from 'react'

/**
 * Keeps the selected tab of a sideways-scrolling tab strip in view: on a phone the later tabs
 * (Loyalty, Activity) start off-screen, and a link straight to them must still show which is open.
 */
export function ActiveTabInView({ active }: { active: string }) {
  const marker = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const strip = marker.current?.parentElement
    const tab = strip?.querySelector<HTMLElement>('[aria-selected="true"]')
    if (!strip || !tab) return
    const overflow = tab.offsetLeft + tab.offsetWidth - (strip.scrollLeft + strip.clientWidth)
    if (overflow > 0 || tab.offsetLeft < strip.scrollLeft) strip.scrollLeft = tab.offsetLeft - 16
  }, [active])
  return <span ref={marker} hidden />
}
