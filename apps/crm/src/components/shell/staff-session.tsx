'use client'

import { createContext, type ReactNode, useContext } from 'react'
import type { StaffRole } from '@/lib/permissions.ts'

export interface StaffSession {
  userId: string
  staffId: string
  fullName: string
  role: StaffRole
  organizationId: string
  organizationName: string
}

const Context = createContext<StaffSession | null>(null)

/** Who is signed in, for client components (presence, role-aware buttons). Not a security boundary. */
export function StaffSessionProvider({ value, children }: { value: StaffSession; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useStaffSession(): StaffSession {
  const value = useContext(Context)
  if (!value) throw new Error('useStaffSession must be used inside the CRM layout')
  return value
}
