'use client'

import type { StaffRole } from '@repo/domain/staff'
import { createContext, type ReactNode, useContext } from 'react'

export interface StaffSession {
  userId: string
  staffId: string
  fullName: string
  role: StaffRole
  organizationId: string
  organizationName: string
  /** The organization's time zone: every date is shown and entered in it. */
  timeZone: string
  /** The organization's currency (ISO 4217): every amount is shown in it. */
  currency: string
}

const Context = createContext<StaffSession | null>(null)

/**
 * Who is signed in and for which organization, for client components (presence, role-aware
 * buttons, dates in the organization's zone). Not a security boundary.
 */
export function StaffSessionProvider({ value, children }: { value: StaffSession; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useStaffSession(): StaffSession {
  const value = useContext(Context)
  if (!value) throw new Error('useStaffSession must be used inside the CRM layout')
  return value
}
