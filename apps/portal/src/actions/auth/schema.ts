import { z } from 'zod'

const email = z.email({ message: 'Enter a valid email address.' }).max(254)

export const signInSchema = z.object({
  email,
  password: z.string().min(1, { message: 'Enter your password.' }).max(200),
  next: z.string().optional(),
})

export const emailOnlySchema = z.object({ email })

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
