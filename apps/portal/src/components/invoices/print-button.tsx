'use client'

import { Button } from '@repo/ui/button'

export function PrintButton() {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      Print invoice
    </Button>
  )
}
