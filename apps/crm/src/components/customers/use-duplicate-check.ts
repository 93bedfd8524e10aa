'use client'

import { canLookForDuplicates } from '@repo/domain/customers'
import { useEffect, useRef, useState } from 'react'
import { findDuplicatesAction } from '@/actions/customers/find-duplicates-action.ts'
import type { DuplicateMatch } from '@/actions/customers/duplicate-match.ts'

/**
 * Customers with the e-mail or phone being typed, looked up a moment after typing stops. A late
 * answer for text that has changed since is dropped; a failed lookup shows nothing (the submit
 * checks again on the server).
 */
export function useDuplicateCheck(email: string, phone: string, delayMs = 400) {
  const [matches, setMatches] = useState<DuplicateMatch[]>([])
  const latest = useRef(0)
  useEffect(() => {
    const ask = ++latest.current
    if (!canLookForDuplicates({ email, phone })) {
      setMatches([])
      return
    }
    const timer = setTimeout(async () => {
      const result = await findDuplicatesAction({ email, phone }).catch(() => null)
      if (ask === latest.current && result?.ok) setMatches(result.data)
    }, delayMs)
    return () => clearTimeout(timer)
  }, [email, phone, delayMs])
  return { matches, setMatches }
}
