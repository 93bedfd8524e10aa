import { fail } from './errors.ts'

const E164_DIGITS = /^[1-9]\d{1,14}$/

/**
 * A phone number as GoTrue normalises it ("+" and spaces dropped) and checks it (E.164 digits).
 * Phone auth is off locally, but a well-formed number still gets GoTrue's later answers.
 */
export function validPhone(value: unknown): string {
  const phone = typeof value === 'string' ? value.replace(/^\+/, '').replaceAll(' ', '') : ''
  if (!E164_DIGITS.test(phone)) {
    throw fail(400, 'validation_failed', 'Invalid phone number format (E.164 required)')
  }
  return phone
}
