'use client'

import { Button } from '@repo/ui/button'
import { useEffect, useRef } from 'react'

/**
 * A finger-drawn signature on a canvas. `onChange` gets a PNG data URL after each stroke, or null
 * once cleared. Pointer events cover touch, pen and mouse alike.
 */
export function SignaturePad({
  label,
  onChange,
}: {
  label: string
  onChange: (png: string | null) => void
}) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const drawing = useRef(false)

  useEffect(() => {
    const element = canvas.current
    if (!element) return
    // Draw at the screen's pixel density so the signature stays sharp.
    const ratio = window.devicePixelRatio || 1
    element.width = element.clientWidth * ratio
    element.height = element.clientHeight * ratio
    const context = element.getContext('2d')
    if (!context) return
    context.scale(ratio, ratio)
    context.lineWidth = 2.5
    context.lineCap = 'round'
    context.lineJoin = 'round'
    context.strokeStyle = '#0f172a'
  }, [])

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    return { x: event.clientX - box.left, y: event.clientY - box.top }
  }

  return (
    <div className="space-y-2">
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        className="h-44 w-full touch-none rounded-lg border-2 border-dashed border-slate-300 bg-white"
        onPointerDown={(event) => {
          const context = event.currentTarget.getContext('2d')
          if (!context) return
          event.currentTarget.setPointerCapture(event.pointerId)
          drawing.current = true
          const { x, y } = point(event)
          context.beginPath()
          context.moveTo(x, y)
          context.lineTo(x + 0.1, y + 0.1)
          context.stroke()
        }}
        onPointerMove={(event) => {
          if (!drawing.current) return
          const context = event.currentTarget.getContext('2d')
          const { x, y } = point(event)
          context?.lineTo(x, y)
          context?.stroke()
        }}
        onPointerUp={(event) => {
          if (!drawing.current) return
          drawing.current = false
          onChange(event.currentTarget.toDataURL('image/png'))
        }}
      />
      <Button
        type="button"
        variant="ghost"
        size="sm"
        onClick={() => {
          const element = canvas.current
          element?.getContext('2d')?.clearRect(0, 0, element.width, element.height)
          onChange(null)
        }}
      >
        Clear signature
      </Button>
    </div>
  )
}
