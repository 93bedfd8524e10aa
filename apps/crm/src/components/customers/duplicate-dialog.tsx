'use client'

import { Button } from '@repo/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@repo/ui/dialog'
import type { DuplicateMatch } from '@/actions/customers/duplicate-match.ts'
import { DuplicateMatches } from './duplicate-matches.tsx'

/** Asked when "Add customer" is pressed while a possible duplicate has not been answered. */
export function DuplicateDialog({
  open,
  onOpenChange,
  matches,
  typed,
  onMerge,
  onCreateAnyway,
  pending,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  matches: DuplicateMatch[]
  typed: { email: string; phone: string }
  onMerge: (match: DuplicateMatch) => void
  onCreateAnyway: () => void
  pending: boolean
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Is this someone you already have?</DialogTitle>
          <DialogDescription>
            A customer with the same e-mail or phone is already on file. Open their record, merge
            what you typed into it, or create a new customer anyway.
          </DialogDescription>
        </DialogHeader>
        <div className="text-sm">
          <DuplicateMatches matches={matches} typed={typed} onMerge={onMerge} pending={pending} />
        </div>
        <DialogFooter>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Go back
          </Button>
          <Button variant="secondary" pending={pending} onClick={onCreateAnyway}>
            Create anyway
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
