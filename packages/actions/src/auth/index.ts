// Rules both apps' sign-in flows share: one definition of a new password and of a safe "next" path.
import { z } from 'zod'

/** A new password, typed twice. */
export const newPasswordSchema = z
  .object({
    password: z.string().min(8, { message: 'Use at least 8 characters.' }).max(200),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: 'The passwords do not match.', path: ['confirm'] })

/** Only same-site relative paths, so a crafted link cannot bounce a user to another site. */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback
  return next
}
