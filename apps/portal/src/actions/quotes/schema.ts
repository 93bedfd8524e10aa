import {
  DECLINE_REASON_MAX_CHARS,
  SIGNATURE_PNG_MAX_CHARS,
  SIGNER_NAME_MAX_CHARS,
  SIGNER_NAME_MIN_CHARS,
} from '@repo/domain/quotes'
import { z } from 'zod'

export const quoteIdSchema = z.uuid({ message: 'Unknown quote.' })

// A PNG data URL with a real drawing in it (approve_quote refuses anything shorter than 100).
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/

export const approveQuoteSchema = z.object({
  quoteId: quoteIdSchema,
  /** The version the customer read: approve_quote refuses any other. */
  version: z.number().int().positive({ message: 'Unknown version of this quote.' }),
  selectedLineIds: z.array(z.uuid({ message: 'Unknown line.' })).max(500),
  /** The total the customer saw and signs for: refused if the chosen lines now add up to another. */
  totalCents: z.number().int().min(0, { message: 'Unknown total.' }),
  signerName: z
    .string()
    .trim()
    .min(SIGNER_NAME_MIN_CHARS, { message: 'Type your full name to sign.' })
    .max(SIGNER_NAME_MAX_CHARS, { message: `Keep your name under ${SIGNER_NAME_MAX_CHARS} characters.` }),
  signaturePng: z
    .string()
    .min(100, { message: 'Draw your signature.' })
    .max(SIGNATURE_PNG_MAX_CHARS, { message: 'Your signature is too large to store. Clear it and sign again.' })
    .regex(PNG_DATA_URL, { message: 'Draw your signature.' }),
})

export const declineQuoteSchema = z.object({
  quoteId: quoteIdSchema,
  reason: z
    .string()
    .trim()
    .min(1, { message: 'Tell us briefly why you are declining.' })
    .max(DECLINE_REASON_MAX_CHARS, { message: `Keep the reason under ${DECLINE_REASON_MAX_CHARS} characters.` }),
})
