'use client'

import { describeCustomerMatch, matchReason } from '@repo/domain/customers'
import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import Link from 'next/link'
import type { DuplicateMatch } from '@/actions/customers/duplicate-match.ts'

/**
 * "This looks like Alice Johnson (alice@example.com, (512) 555-0142)" for each possible duplicate,
 * with Open (their record) and Merge (add what was typed to them instead of a new customer).
 */
export function DuplicateMatches({
  matches,
  typed,
  onMerge,
  pending,
}: {
  matches: DuplicateMatch[]
  typed: { email: string; phone: string }
  onMerge: (match: DuplicateMatch) => void
  pending: boolean
}) {
  return (
    <ul className="space-y-3">
      {matches.map((match) => (
        <li key={match.id} data-duplicate={match.id} className="space-y-2">
          <p className="break-words">
            This looks like <strong>{describeCustomerMatch(match)}</strong>
            <span className="text-slate-700"> · {matchReason(match, typed)}</span>
            {match.archived ? (
              <Badge tone="neutral" className="ml-2 align-middle">
                Archived
              </Badge>
            ) : null}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="secondary" size="sm">
              <Link
                href={`/customers/${match.id}`}
                aria-label={`Open ${match.first_name} ${match.last_name}`}
              >
                Open
              </Link>
            </Button>
            <Button
              size="sm"
              disabled={pending}
              aria-label={`Merge into ${match.first_name} ${match.last_name}`}
              onClick={() => onMerge(match)}
            >
              Merge
            </Button>
          </div>
        </li>
      ))}
    </ul>
  )
}
