import { Button } from '@repo/ui/button'
import { cn } from '@repo/ui/cn'

interface Props {
  submitLabel: string
  pendingLabel: string
  pending: boolean
  onClose: () => void
  className?: string
}

/** Submit (busy and disabled while the action runs, so a double click sends once) and Close. */
export function FormActions({ submitLabel, pendingLabel, pending, onClose, className }: Props) {
  return (
    <div className={cn('flex gap-2', className)}>
      <Button type="submit" pending={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
      <Button variant="ghost" onClick={onClose}>
        Close
      </Button>
    </div>
  )
}
