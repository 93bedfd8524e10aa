import { formatAddress, type PropertyAddress } from '../properties/address.ts'
import type { GeoPoint } from './geo.ts'

/** A maps link that opens directions to the address (the phone's maps app takes it over). */
export function directionsUrl(address: PropertyAddress, point?: GeoPoint | null): string | null {
  const text = formatAddress(address)
  const destination = text || (point ? `${point.latitude},${point.longitude}` : '')
  if (!destination) return null
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`
}

/** A `tel:` link for a phone number as typed ("(512) 555-0142" → "tel:+15125550142" style digits). */
export function telUrl(phone: string | null | undefined): string | null {
  if (!phone) return null
  const digits = phone.replace(/[^\d+]/g, '')
  return digits.replace(/\D/g, '').length >= 3 ? `tel:${digits}` : null
}
