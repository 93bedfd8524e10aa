'use client'

import { SIGNATURE_PNG_MAX_CHARS } from '@repo/domain/quotes'
import { cn } from '@repo/ui/cn'
import { type PointerEvent as ReactPointerEvent, type Ref, useEffect, useImperativeHandle, useRef } from 'react'

interface Point {
  x: number
  y: number
  width: number
}

export interface SignaturePadHandle {
  /** The signature as a PNG data URL (600 px wide, transparent), or null when nothing is drawn. */
  toPng: () => string | null
  clear: () => void
  /** Writes `name` in a handwriting face instead of a drawing (for those who cannot draw one). */
  signWithText: (name: string) => void
}

interface Props {
  ref?: Ref<SignaturePadHandle>
  /** Called with true once something is drawn, false when cleared. */
  onInkChange: (hasInk: boolean) => void
  labelledBy: string
  describedBy?: string | undefined
  invalid?: boolean
}

const INK = '#0f172a'
const EXPORT_WIDTH = 600
const SCRIPT_FONT = '"Segoe Script", "Snell Roundhand", "Brush Script MT", "URW Chancery L", cursive'

/** A stroke's width: a pen's pressure varies it; mouse and touch draw evenly. */
function widthOf(event: PointerEvent | ReactPointerEvent) {
  return event.pointerType === 'pen' && event.pressure > 0 ? 1 + event.pressure * 3 : 2.5
}

function drawStroke(ctx: CanvasRenderingContext2D, stroke: readonly Point[]) {
  const [first] = stroke
  if (!first) return
  ctx.fillStyle = INK
  ctx.strokeStyle = INK
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  if (stroke.length === 1) {
    ctx.beginPath()
    ctx.arc(first.x, first.y, first.width / 2, 0, Math.PI * 2)
    ctx.fill()
    return
  }
  // Through the midpoints with each point as the control: smooth curves from sampled input.
  for (let i = 1; i < stroke.length; i++) {
    const a = stroke[i - 1] as Point
    const b = stroke[i] as Point
    const before = stroke[i - 2] ?? a
    ctx.beginPath()
    ctx.lineWidth = (a.width + b.width) / 2
    ctx.moveTo((before.x + a.x) / 2, (before.y + a.y) / 2)
    ctx.quadraticCurveTo(a.x, a.y, (a.x + b.x) / 2, (a.y + b.y) / 2)
    ctx.stroke()
  }
}

function drawText(ctx: CanvasRenderingContext2D, text: string, width: number, height: number) {
  let size = Math.round(height * 0.4)
  ctx.font = `${size}px ${SCRIPT_FONT}`
  while (size > 12 && ctx.measureText(text).width > width * 0.9) {
    size -= 2
    ctx.font = `${size}px ${SCRIPT_FONT}`
  }
  ctx.fillStyle = INK
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(text, width / 2, height / 2)
}

/**
 * A signature drawn with a mouse, a finger or a pen (pointer events, captured so a stroke may leave
 * the box), kept as strokes so it redraws crisply when the box changes size and exports at a fixed
 * size. Touch on the box draws instead of scrolling the page.
 */
export function SignaturePad({ ref, onInkChange, labelledBy, describedBy, invalid }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const strokes = useRef<Point[][]>([])
  const typed = useRef<string | null>(null)
  const active = useRef<number | null>(null)
  const onInk = useRef(onInkChange)
  onInk.current = onInkChange

  const redraw = () => {
    const element = canvas.current
    const ctx = element?.getContext('2d')
    if (!element || !ctx) return
    const ratio = window.devicePixelRatio || 1
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, element.width, element.height)
    if (typed.current) drawText(ctx, typed.current, element.clientWidth, element.clientHeight)
    for (const stroke of strokes.current) drawStroke(ctx, stroke)
  }

  // The bitmap follows the box's size and the screen's pixel density.
  useEffect(() => {
    const element = canvas.current
    if (!element) return
    const fit = () => {
      const ratio = window.devicePixelRatio || 1
      element.width = Math.round(element.clientWidth * ratio)
      element.height = Math.round(element.clientHeight * ratio)
      redraw()
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useImperativeHandle(ref, () => ({
    toPng: () => {
      const element = canvas.current
      if (!element || (strokes.current.length === 0 && !typed.current)) return null
      const scale = EXPORT_WIDTH / element.clientWidth
      for (const factor of [1, 0.6, 0.35]) {
        const out = document.createElement('canvas')
        out.width = Math.round(EXPORT_WIDTH * factor)
        out.height = Math.round(element.clientHeight * scale * factor)
        const ctx = out.getContext('2d')
        if (!ctx) return null
        ctx.scale(scale * factor, scale * factor)
        if (typed.current) drawText(ctx, typed.current, element.clientWidth, element.clientHeight)
        for (const stroke of strokes.current) drawStroke(ctx, stroke)
        const png = out.toDataURL('image/png')
        if (png.length <= SIGNATURE_PNG_MAX_CHARS) return png
      }
      return null
    },
    clear: () => {
      strokes.current = []
      typed.current = null
      redraw()
      onInk.current(false)
    },
    signWithText: (name) => {
      strokes.current = []
      typed.current = name.trim()
      redraw()
      onInk.current(typed.current.length > 0)
    },
  }))

  const pointAt = (event: ReactPointerEvent<HTMLCanvasElement> | PointerEvent): Point => {
    const box = (canvas.current as HTMLCanvasElement).getBoundingClientRect()
    return { x: event.clientX - box.left, y: event.clientY - box.top, width: widthOf(event) }
  }

  return (
    <canvas
      ref={canvas}
      role="img"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      data-testid="signature-pad"
      className={cn(
        'block h-40 w-full cursor-crosshair touch-none select-none rounded-lg border-2 border-dashed bg-white',
        invalid ? 'border-red-700' : 'border-slate-400',
      )}
      onPointerDown={(event) => {
        if (event.pointerType === 'mouse' && event.button !== 0) return
        if (active.current !== null) return
        event.preventDefault()
        event.currentTarget.setPointerCapture(event.pointerId)
        active.current = event.pointerId
        // A drawing replaces a typed name.
        if (typed.current) {
          typed.current = null
          redraw()
        }
        strokes.current.push([pointAt(event)])
        const ctx = event.currentTarget.getContext('2d')
        if (ctx) drawStroke(ctx, strokes.current.at(-1) as Point[])
      }}
      onPointerMove={(event) => {
        if (event.pointerId !== active.current) return
        const stroke = strokes.current.at(-1)
        const ctx = event.currentTarget.getContext('2d')
        if (!stroke || !ctx) return
        const events = event.nativeEvent.getCoalescedEvents?.() ?? []
        for (const sample of events.length > 0 ? events : [event.nativeEvent]) stroke.push(pointAt(sample))
        // Only the newest segments: the rest is on the canvas already.
        drawStroke(ctx, stroke.slice(-(events.length + 3)))
      }}
      onPointerUp={(event) => {
        if (event.pointerId !== active.current) return
        active.current = null
        onInk.current(true)
      }}
      onPointerCancel={(event) => {
        if (event.pointerId !== active.current) return
        active.current = null
        onInk.current(strokes.current.length > 0 || typed.current !== null)
      }}
    />
  )
}
