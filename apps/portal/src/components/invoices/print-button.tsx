'use client'

import { Button } from '@repo/ui/button'

export function PrintButton({ label = 'Print invoice' }: { label?: string }) {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  )
}
