'use client'

import type { PropertyRow } from '@repo/database/types'
import { defaultPropertyId } from '@repo/domain/properties'
import { useEffect, useState } from 'react'
import { listPropertyChoicesAction } from '@/actions/properties/property-actions.ts'

/**
 * The usable properties of the chosen customer, loaded whenever the customer changes, and the
 * chosen one: the main property by default. `choices` is null while loading.
 */
export function usePropertyChoices(customerId: string | null) {
  const [choices, setChoices] = useState<PropertyRow[] | null>(null)
  const [propertyId, setPropertyId] = useState('')
  useEffect(() => {
    setChoices(null)
    setPropertyId('')
    if (!customerId) return
    // A late answer for a customer no longer chosen is dropped.
    let current = true
    listPropertyChoicesAction({ customerId })
      .then((result) => {
        if (!current) return
        const rows = result.ok ? result.data : []
        setChoices(rows)
        setPropertyId(defaultPropertyId(rows) ?? '')
      })
      .catch(() => {
        if (current) setChoices([])
      })
    return () => {
      current = false
    }
  }, [customerId])
  return { choices, propertyId, setPropertyId }
}
